-- variant-of: real/trino-docs/group_by_ordinal.sql
-- class: group-by-ordinal
-- mistake: GROUP BY 1 points at count(*): GROUP BY position 1 is an aggregate.
-- expect: 8:69
-- message: GROUP BY position 1 refers to count(*), an aggregate or window function; group by the columns it aggregates instead
-- database: tpch
-- columns: customer_count bigint, nationkey bigint
SELECT count(*) AS customer_count, nationkey FROM customer GROUP BY 1
