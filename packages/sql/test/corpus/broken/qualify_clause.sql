-- variant-of: real/trino-docs/window_rank.sql
-- class: unsupported
-- mistake: QUALIFY (Snowflake/Databricks) does not exist in Athena: mismatched input 'QUALIFY'.
-- expect: 12:1
-- message: syntax error: QUALIFY is not supported by Athena; compute the window function in a subquery and filter on it in the outer WHERE
-- database: tpch
-- columns: orderkey bigint, clerk string, totalprice double, rnk bigint
SELECT orderkey, clerk, totalprice,
       rank() OVER (PARTITION BY clerk
                    ORDER BY totalprice DESC) AS rnk
FROM orders
QUALIFY rnk <= 3
ORDER BY clerk, rnk
