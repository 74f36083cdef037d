-- variant-of: real/security-analytics/cloudtrail_iam_changes.sql
-- class: syntax-typo-keyword
-- mistake: ODER instead of ORDER: mismatched input 'BY'.
-- expect: 19:1
-- message: syntax error: "ODER" is not a keyword here; did you mean ORDER?
-- database: security_analysis
-- columns: eventtime string, arn string, username string, eventname string, requestparameters string
SELECT eventtime, useridentity.arn, useridentity.username, eventname, requestparameters 
FROM cloudtrail
WHERE eventsource = 'iam.amazonaws.com'
AND eventname NOT LIKE 'Get%'
AND eventname NOT LIKE 'List%'
AND eventname NOT LIKE 'Describe%'
AND errorcode IS NULL
AND date_partition >= '2021/07/01'
AND date_partition <= '2021/07/31'
AND account_partition = '111122223333'
AND region_partition in ('us-east-1','us-east-2','us-west-2', 'us-west-2')
ODER BY account_partition, eventtime
