-- variant-of: real/trino-docs/window_rank.sql
-- class: syntax-missing-comma
-- mistake: the comma after totalprice is missing, so rank becomes its alias: mismatched input '('.
-- expect: 8:8
-- database: tpch
-- columns: orderkey bigint, clerk string, totalprice double, rnk bigint
SELECT orderkey, clerk, totalprice
       rank() OVER (PARTITION BY clerk
                    ORDER BY totalprice DESC) AS rnk
FROM orders
ORDER BY clerk, rnk
