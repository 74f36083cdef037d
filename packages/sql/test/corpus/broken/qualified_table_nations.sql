-- variant-of: real/trino-docs/in_subquery.sql
-- class: unknown-table
-- mistake: the TPC-H table is nation: Table 'awsdatacatalog.tpch.nations' does not exist.
-- expect: 9:6
-- message: unknown table or view "tpch.nations"; did you mean "tpch.nation"?
-- database: tpch
-- columns: name string
SELECT name
FROM tpch.nations
WHERE regionkey IN (
     SELECT regionkey
     FROM region
     WHERE name = 'AMERICA' OR name = 'AFRICA'
)
