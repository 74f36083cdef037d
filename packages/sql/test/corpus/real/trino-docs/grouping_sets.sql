-- source: https://github.com/trinodb/trino/blob/bd4613f81895946cb465a90fe98d3c72ce1af47a/docs/src/main/sphinx/sql/select.md
-- author: Trino documentation (trinodb/trino)  licence: Apache-2.0
-- database: tpch
-- adapted: named sum(package_weight) AS total_weight; removed the trailing semicolon
-- columns: origin_state string, origin_zip int, destination_state string, total_weight bigint
SELECT origin_state, origin_zip, destination_state, sum(package_weight) AS total_weight
FROM shipping
GROUP BY GROUPING SETS (
    (origin_state),
    (origin_state, origin_zip),
    (destination_state))
