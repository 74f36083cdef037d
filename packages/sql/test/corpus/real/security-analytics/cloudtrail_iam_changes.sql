-- source: https://github.com/awslabs/aws-security-analytics-bootstrap/blob/f7b8795c25bd26c594277e042938e905076313da/AWSSecurityAnalyticsBootstrap/sql/dml/analytics/cloudtrail/cloudtrail_demo_queries.sql
-- author: awslabs/aws-security-analytics-bootstrap (Amazon Web Services)  licence: Apache-2.0
-- database: security_analysis
-- adapted: no
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
ORDER BY account_partition, eventtime
