-- variant-of: real/trino-docs/cross_join_lateral.sql
-- class: syntax-typo-keyword
-- mistake: JION instead of JOIN: mismatched input 'LATERAL'.
-- expect: 10:7
-- message: syntax error: "JION" is not a keyword here; did you mean JOIN?
-- database: tpch
-- columns: name string, x string, y string
SELECT name, x, y
FROM nation
CROSS JION LATERAL (SELECT name || ' :-' AS x)
CROSS JOIN LATERAL (SELECT x || ')' AS y)
