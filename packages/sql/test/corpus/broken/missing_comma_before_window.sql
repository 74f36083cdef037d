-- variant-of: real/trino-docs/window_rank.sql
-- class: syntax-missing-comma
-- mistake: the comma after totalprice is missing, so rank becomes its alias: mismatched input '('.
-- expect: 9:8
-- message: syntax error: "rank" cannot follow "totalprice" here; is a comma missing before "rank"? (two names in a row read as a value and its alias)
-- database: tpch
-- columns: orderkey bigint, clerk string, totalprice double, rnk bigint
SELECT orderkey, clerk, totalprice
       rank() OVER (PARTITION BY clerk
                    ORDER BY totalprice DESC) AS rnk
FROM orders
ORDER BY clerk, rnk
