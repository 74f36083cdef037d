-- variant-of: real/security-analytics/cloudtrail_password_changes.sql
-- class: unknown-function
-- mistake: json_extract_scaler is a typo of json_extract_scalar; Athena: Function 'json_extract_scaler' not registered.
-- expect: 9:2
-- message: function json_extract_scaler is not registered in Athena (engine v3, Trino functions); did you mean json_extract_scalar?
-- database: security_analysis
-- columns: eventtime string, arn string, username string, eventname string, "username with password modified" string
SELECT eventtime, useridentity.arn, useridentity.username, eventname,
	json_extract_scaler(requestparameters, '$.userName') AS "username with password modified"
	FROM cloudtrail
WHERE eventname IN ('UpdateLoginProfile', 'CreateLoginProfile')
AND errorcode IS NULL
AND date_partition >= '2021/07/01'
AND date_partition <= '2021/07/31'
AND account_partition = '111122223333'
AND region_partition in ('us-east-1','us-east-2','us-west-2', 'us-west-2')
ORDER BY account_partition, eventtime
