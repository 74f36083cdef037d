-- variant-of: real/security-analytics/cloudtrail_user_activity.sql
-- class: syntax-missing-comma
-- mistake: the comma after AS eventnames is missing: mismatched input 'array_agg'.
-- expect: 9:2
-- message: syntax error: "array_agg" cannot follow "eventnames" here; is a comma missing before "array_agg"? (two names in a row read as a value and its alias)
-- database: security_analysis
-- columns: arn string, eventnames array<string>, sourceips array<string>, useragents array<string>
SELECT useridentity.arn, array_agg(DISTINCT(eventname)) AS eventnames
	array_agg(DISTINCT(sourceipaddress) ORDER BY sourceipaddress) AS sourceips,
	array_agg(DISTINCT(useragent) ORDER BY useragent) AS useragents FROM cloudtrail
WHERE eventname <> 'AssumeRole'
AND eventname NOT LIKE 'Get%'
AND eventname NOT LIKE 'List%'
AND eventname NOT LIKE 'Describe%'
AND date_partition >= '2021/07/01'
AND date_partition <= '2021/07/31'
AND account_partition = '111122223333'
AND region_partition in ('us-east-1','us-east-2','us-west-2', 'us-west-2')
GROUP BY useridentity.arn
