-- variant-of: real/trino-docs/having_on_aggregate.sql
-- class: having
-- mistake: HAVING acctbal filters on a column that is neither grouped nor aggregated: 'acctbal' must be an aggregate expression or appear in GROUP BY clause.
-- expect: 12:8
-- message: 'acctbal' must be an aggregate expression or appear in GROUP BY clause; add it to GROUP BY or aggregate it (e.g. arbitrary(acctbal))
-- database: tpch
-- columns: customer_count bigint, mktsegment string, nationkey bigint, totalbal bigint
SELECT count(*) AS customer_count, mktsegment, nationkey,
       CAST(sum(acctbal) AS bigint) AS totalbal
FROM customer
GROUP BY mktsegment, nationkey
HAVING acctbal > 5700000
ORDER BY totalbal DESC
