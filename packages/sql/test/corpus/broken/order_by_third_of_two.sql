-- variant-of: real/trino-docs/cross_join_qualified_names.sql
-- class: order-by-ordinal
-- mistake: ORDER BY 1, 3 but the select list has 2 columns: ORDER BY position 3 is not in select list.
-- expect: 11:13
-- message: ORDER BY position 3 is not in select list; the SELECT has 2 columns
-- database: tpch
-- columns: nation string, region string
SELECT n.name AS nation, r.name AS region
FROM nation AS n
CROSS JOIN region AS r
ORDER BY 1, 3
