-- source: https://github.com/trinodb/trino/blob/19a0b3068a06422f155df75556c276a82a881509/docs/src/main/sphinx/functions/window.md
-- author: Trino documentation (trinodb/trino)  licence: Apache-2.0
-- database: tpch
-- adapted: no
-- columns: clerk string, orderdate date, orderkey bigint, totalprice double, rolling_sum double
SELECT clerk, orderdate, orderkey, totalprice,
       sum(totalprice) OVER (PARTITION BY clerk
                             ORDER BY orderdate) AS rolling_sum
FROM orders
ORDER BY clerk, orderdate, orderkey
