-- source: https://github.com/trinodb/trino/blob/bd4613f81895946cb465a90fe98d3c72ce1af47a/docs/src/main/sphinx/sql/select.md
-- author: Trino documentation (trinodb/trino)  licence: Apache-2.0
-- database: tpch
-- adapted: removed the trailing semicolon
-- columns: a int, b int, rownumber bigint
SELECT a, b, rownumber
FROM UNNEST (
    ARRAY[2, 5],
    ARRAY[7, 8, 9]
     ) WITH ORDINALITY AS t(a, b, rownumber)
