-- variant-of: real/security-analytics/cloudtrail_calls_from_public_ips.sql
-- class: syntax-unbalanced-parenthesis
-- mistake: one ) too many closes the NOT (...) group: extraneous input ')'.
-- expect: 16:71
-- message: syntax error: this ")" closes nothing; remove it or add the missing "("
-- database: security_analysis
-- columns: eventversion string, useridentity struct<type:string,principalid:string,arn:string,accountid:string,invokedby:string,accesskeyid:string,username:string,sessioncontext:struct<attributes:struct<mfaauthenticated:string,creationdate:string>,sessionissuer:struct<type:string,principalid:string,arn:string,accountid:string,username:string>>>, eventtime string, eventsource string, eventname string, awsregion string, sourceipaddress string, useragent string, errorcode string, errormessage string, requestparameters string, responseelements string, additionaleventdata string, requestid string, eventid string, resources array<struct<arn:string,accountid:string,type:string>>, eventtype string, apiversion string, readonly string, recipientaccountid string, serviceeventdetails string, sharedeventid string, vpcendpointid string, date_partition string, region_partition string, account_partition string
SELECT *
FROM cloudtrail
WHERE   regexp_like(sourceipaddress, '^\d')
AND NOT ( (CAST(sourceipaddress AS IPADDRESS) > IPADDRESS '10.0.0.0'
AND CAST(sourceipaddress AS IPADDRESS) < IPADDRESS '10.255.255.255')
OR (CAST(sourceipaddress AS IPADDRESS) > IPADDRESS '172.16.0.0'
AND CAST(sourceipaddress AS IPADDRESS) < IPADDRESS '172.31.255.255')
OR (CAST(sourceipaddress AS IPADDRESS) > IPADDRESS '192.168.0.0'
AND CAST(sourceipaddress AS IPADDRESS) < IPADDRESS '192.168.255.255')))
AND date_partition >= '2021/07/01'
AND date_partition <= '2021/07/31'
AND account_partition = '111122223333'
AND region_partition in ('us-east-1','us-east-2','us-west-2', 'us-west-2')
