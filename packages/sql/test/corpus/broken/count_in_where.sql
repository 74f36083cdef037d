-- variant-of: real/waf/rate_based_blocks_by_ip.sql
-- class: aggregate-in-where
-- mistake: COUNT in WHERE instead of HAVING: WHERE clause cannot contain aggregations.
-- expect: 11:44
-- message: the WHERE clause cannot contain aggregations, window functions or grouping operations: COUNT(httpRequest.clientIp); filter aggregates in HAVING, window functions in an outer query
-- database: default
-- columns: count bigint, clientip string
SELECT COUNT(httpRequest.clientIp) as count,
httpRequest.clientIp
FROM waf_logs
WHERE terminatingruletype='RATE_BASED' AND COUNT(httpRequest.clientIp) > 100 AND action='BLOCK' and "date" >= '2021/03/01'
AND "date" < '2021/03/31'
GROUP BY httpRequest.clientIp
ORDER BY count DESC
LIMIT 100
