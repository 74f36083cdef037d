-- variant-of: real/security-analytics/cloudtrail_events_by_region.sql
-- class: aggregate-in-where
-- mistake: count(*) in WHERE instead of HAVING: WHERE clause cannot contain aggregations.
-- expect: 12:5
-- message: the WHERE clause cannot contain aggregations, window functions or grouping operations: count(*); filter aggregates in HAVING, window functions in an outer query
-- database: security_analysis
-- columns: region_partition string, eventcount bigint
SELECT region_partition, count(*) as eventcount FROM cloudtrail
WHERE date_partition >= '2021/07/01'
AND date_partition <= '2021/07/31'
AND account_partition = '111122223333'
AND count(*) > 10
AND region_partition in ('us-east-1','us-east-2','us-west-2', 'us-west-2')
GROUP BY region_partition
ORDER BY eventcount DESC
