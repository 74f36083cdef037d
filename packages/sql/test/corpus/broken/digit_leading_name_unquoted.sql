-- variant-of: real/naming/names_starting_with_digits.sql
-- class: name-needs-quotes
-- mistake: a name starting with a digit must be quoted ("123columnone"): mismatched input '123'.
-- expect: 8:8
-- message: identifiers must not start with a digit; surround the identifier with double quotes: "123columnone"
-- database: default
-- columns: 123columnone string, 123columntwo string
SELECT 123columnone, "123columntwo"
FROM "234table"
