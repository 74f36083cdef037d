-- source: https://github.com/trinodb/trino/blob/bd4613f81895946cb465a90fe98d3c72ce1af47a/docs/src/main/sphinx/sql/select.md
-- author: Trino documentation (trinodb/trino)  licence: Apache-2.0
-- database: tpch
-- adapted: named sum(package_weight) AS total_weight; removed the trailing semicolon
-- columns: origin_state string, destination_state string, origin_zip int, total_weight bigint
SELECT origin_state, destination_state, origin_zip, sum(package_weight) AS total_weight
FROM shipping
GROUP BY DISTINCT
    CUBE (origin_state, destination_state),
    ROLLUP (origin_state, origin_zip)
