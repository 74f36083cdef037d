-- source: https://github.com/trinodb/trino/blob/bd4613f81895946cb465a90fe98d3c72ce1af47a/docs/src/main/sphinx/sql/select.md
-- author: Trino documentation (trinodb/trino)  licence: Apache-2.0
-- database: tpch
-- adapted: named the VALUES column: AS t(value); removed the trailing semicolon
-- columns: value int
SELECT * FROM (VALUES 13, 42) AS t(value)
INTERSECT
SELECT 13
