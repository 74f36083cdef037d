-- variant-of: real/trino-docs/cross_join_qualified_names.sql
-- class: ambiguous-column
-- mistake: both nation and region have a column name: Column 'name' is ambiguous.
-- expect: 8:8
-- message: column "name" is ambiguous: it is in tpch.nation (as n) and tpch.region (as r); qualify it, e.g. "n.name"
-- database: tpch
-- columns: nation string, region string
SELECT name AS nation, r.name AS region
FROM nation AS n
CROSS JOIN region AS r
ORDER BY 1, 2
