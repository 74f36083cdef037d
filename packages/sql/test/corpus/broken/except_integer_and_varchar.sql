-- variant-of: real/trino-docs/except_values.sql
-- class: set-operation
-- mistake: the second query yields the varchar '13' against the integer column: column 1 in EXCEPT query has incompatible types: integer, varchar(2).
-- expect: 9:1
-- message: column 1 (value) in EXCEPT query has incompatible types: integer, varchar(2); CAST one side to the other's type
-- database: tpch
-- columns: value int
SELECT * FROM (VALUES 13, 42) AS t(value)
EXCEPT
SELECT '13'
