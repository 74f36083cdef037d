-- variant-of: real/vpc/https_packets_in_march.sql
-- class: aggregate-in-where
-- mistake: SUM in WHERE instead of HAVING: WHERE clause cannot contain aggregations.
-- expect: 11:25
-- message: the WHERE clause cannot contain aggregations, window functions or grouping operations: SUM(packets); filter aggregates in HAVING, window functions in an outer query
-- database: default
-- columns: packetcount bigint, dstaddr string
SELECT SUM(packets) AS packetcount, 
       dstaddr
FROM test_table_vpclogs
WHERE dstport = 443 AND SUM(packets) > 1000
  AND day >= '2021/03/01'
  AND day < '2021/03/31'
GROUP BY dstaddr
ORDER BY packetcount DESC
LIMIT 10
