-- source: https://github.com/trinodb/trino/blob/bd4613f81895946cb465a90fe98d3c72ce1af47a/docs/src/main/sphinx/sql/select.md
-- author: Trino documentation (trinodb/trino)  licence: Apache-2.0
-- database: tpch
-- adapted: named count(*) AS customer_count; removed the trailing semicolon
-- columns: customer_count bigint, nationkey bigint
SELECT count(*) AS customer_count, nationkey FROM customer GROUP BY 2
