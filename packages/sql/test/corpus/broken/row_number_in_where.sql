-- variant-of: real/security-analytics/cloudtrail_user_activity.sql
-- class: window-in-where
-- mistake: row_number() OVER in WHERE to keep the latest event: WHERE clause cannot contain window functions.
-- expect: 12:5
-- message: the WHERE clause cannot contain aggregations, window functions or grouping operations: row_number() OVER (PARTITION BY useridentity.arn ORDER BY e…; filter aggregates in HAVING, window functions in an outer query
-- database: security_analysis
-- columns: arn string, eventnames array<string>, sourceips array<string>, useragents array<string>
SELECT useridentity.arn, array_agg(DISTINCT(eventname)) AS eventnames,
	array_agg(DISTINCT(sourceipaddress) ORDER BY sourceipaddress) AS sourceips,
	array_agg(DISTINCT(useragent) ORDER BY useragent) AS useragents FROM cloudtrail
WHERE eventname <> 'AssumeRole'
AND row_number() OVER (PARTITION BY useridentity.arn ORDER BY eventtime DESC) = 1
AND eventname NOT LIKE 'Get%'
AND eventname NOT LIKE 'List%'
AND eventname NOT LIKE 'Describe%'
AND date_partition >= '2021/07/01'
AND date_partition <= '2021/07/31'
AND account_partition = '111122223333'
AND region_partition in ('us-east-1','us-east-2','us-west-2', 'us-west-2')
GROUP BY useridentity.arn
