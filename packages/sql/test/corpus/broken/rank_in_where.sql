-- variant-of: real/trino-docs/window_rank.sql
-- class: window-in-where
-- mistake: a window function filters rows in WHERE: WHERE clause cannot contain window functions.
-- expect: 12:7
-- message: the WHERE clause cannot contain aggregations, window functions or grouping operations: rank() OVER (PARTITION BY clerk ORDER BY totalprice DESC); filter aggregates in HAVING, window functions in an outer query
-- database: tpch
-- columns: orderkey bigint, clerk string, totalprice double, rnk bigint
SELECT orderkey, clerk, totalprice,
       rank() OVER (PARTITION BY clerk
                    ORDER BY totalprice DESC) AS rnk
FROM orders
WHERE rank() OVER (PARTITION BY clerk ORDER BY totalprice DESC) <= 3
ORDER BY clerk, rnk
