-- variant-of: real/security-analytics/cloudtrail_events_by_region_and_name.sql
-- class: group-by
-- mistake: eventname is selected but not grouped: 'eventname' must be an aggregate expression or appear in GROUP BY clause.
-- expect: 8:26
-- message: 'eventname' must be an aggregate expression or appear in GROUP BY clause; add it to GROUP BY or aggregate it (e.g. arbitrary(eventname))
-- database: security_analysis
-- columns: region_partition string, eventname string, eventcount bigint
SELECT region_partition, eventname, count(*) as eventcount FROM cloudtrail
WHERE date_partition >= '2021/07/01'
AND date_partition <= '2021/07/31'
AND account_partition = '111122223333'
AND region_partition in ('us-east-1','us-east-2','us-west-2', 'us-west-2')
GROUP BY region_partition
ORDER BY region_partition, eventcount DESC
