-- variant-of: real/trino-docs/window_rolling_sum.sql
-- class: window-in-where
-- mistake: a running sum filters rows in WHERE: WHERE clause cannot contain window functions.
-- expect: 12:7
-- message: the WHERE clause cannot contain aggregations, window functions or grouping operations: sum(totalprice) OVER (PARTITION BY clerk ORDER BY orderdate); filter aggregates in HAVING, window functions in an outer query
-- database: tpch
-- columns: clerk string, orderdate date, orderkey bigint, totalprice double, rolling_sum double
SELECT clerk, orderdate, orderkey, totalprice,
       sum(totalprice) OVER (PARTITION BY clerk
                             ORDER BY orderdate) AS rolling_sum
FROM orders
WHERE sum(totalprice) OVER (PARTITION BY clerk ORDER BY orderdate) > 1000000
ORDER BY clerk, orderdate, orderkey
