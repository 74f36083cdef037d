-- variant-of: real/trino-docs/window_rank.sql
-- class: window-in-where
-- mistake: a window function filters rows in WHERE: WHERE clause cannot contain window functions.
-- expect: 11:7
-- database: tpch
-- columns: orderkey bigint, clerk string, totalprice double, rnk bigint
SELECT orderkey, clerk, totalprice,
       rank() OVER (PARTITION BY clerk
                    ORDER BY totalprice DESC) AS rnk
FROM orders
WHERE rank() OVER (PARTITION BY clerk ORDER BY totalprice DESC) <= 3
ORDER BY clerk, rnk
