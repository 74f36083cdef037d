-- variant-of: real/security-analytics/cloudtrail_iam_changes.sql
-- class: foreign-function
-- mistake: get_json_object is Hive; Athena has json_extract_scalar: Function 'get_json_object' not registered.
-- expect: 8:71
-- message: get_json_object is a Hive/Spark function that Athena (engine v3, Trino) does not have; write json_extract_scalar(json, '$.path')
-- database: security_analysis
-- columns: eventtime string, arn string, username string, eventname string, requestparameters string
SELECT eventtime, useridentity.arn, useridentity.username, eventname, get_json_object(requestparameters, '$.userName') AS requestparameters 
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
ORDER BY account_partition, eventtime
