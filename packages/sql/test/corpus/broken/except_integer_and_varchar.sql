-- variant-of: real/trino-docs/except_values.sql
-- class: set-operation
-- mistake: the second query yields the varchar '13' against the integer column: column 1 in EXCEPT query has incompatible types: integer, varchar(2).
-- expect: 8:1
-- database: tpch
-- columns: value int
SELECT * FROM (VALUES 13, 42) AS t(value)
EXCEPT
SELECT '13'
