-- variant-of: real/trino-docs/having_on_aggregate.sql
-- class: group-by
-- mistake: nationkey is selected but GROUP BY lists only mktsegment: 'nationkey' must be an aggregate expression or appear in GROUP BY clause.
-- expect: 8:48
-- message: 'nationkey' must be an aggregate expression or appear in GROUP BY clause; add it to GROUP BY or aggregate it (e.g. arbitrary(nationkey))
-- database: tpch
-- columns: customer_count bigint, mktsegment string, nationkey bigint, totalbal bigint
SELECT count(*) AS customer_count, mktsegment, nationkey,
       CAST(sum(acctbal) AS bigint) AS totalbal
FROM customer
GROUP BY mktsegment
HAVING sum(acctbal) > 5700000
ORDER BY totalbal DESC
