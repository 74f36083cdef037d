-- variant-of: real/naming/names_starting_with_digits.sql
-- class: name-needs-quotes
-- mistake: a name starting with a digit must be quoted ("123columnone"): mismatched input '123'.
-- expect: 7:8
-- database: default
-- columns: 123columnone string, 123columntwo string
SELECT 123columnone, "123columntwo"
FROM "234table"
