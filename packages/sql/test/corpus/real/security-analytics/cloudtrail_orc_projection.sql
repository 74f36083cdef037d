-- source: https://github.com/awslabs/aws-security-analytics-bootstrap/blob/f7b8795c25bd26c594277e042938e905076313da/AWSSecurityAnalyticsBootstrap/sql/dml/analytics/cloudtrail/cloudtrail_demo_queries.sql
-- author: awslabs/aws-security-analytics-bootstrap (Amazon Web Services)  licence: Apache-2.0
-- database: security_analysis
-- adapted: kept the SELECT of a CREATE TABLE ... AS statement
-- columns: eventversion string, useridentity struct<type:string,principalid:string,arn:string,accountid:string,invokedby:string,accesskeyid:string,username:string,sessioncontext:struct<attributes:struct<mfaauthenticated:string,creationdate:string>,sessionissuer:struct<type:string,principalid:string,arn:string,accountid:string,username:string>>>, eventtime string, eventsource string, eventname string, awsregion string, sourceipaddress string, useragent string, errorcode string, errormessage string, requestparameters string, responseelements string, additionaleventdata string, requestid string, eventid string, resources array<struct<arn:string,accountid:string,type:string>>, eventtype string, apiversion string, readonly string, recipientaccountid string, serviceeventdetails string, sharedeventid string, vpcendpointid string, account_partition string, region_partition string, date_partition string
SELECT eventversion,
         useridentity,
         eventtime,
         eventsource,
         eventname,
         awsregion,
         sourceipaddress,
         useragent,
         errorcode,
         errormessage,
         requestparameters,
         responseelements,
         additionaleventdata,
         requestid,
         eventid,
         resources,
         eventtype,
         apiversion,
         readonly,
         recipientaccountid,
         serviceeventdetails,
         sharedeventid,
         vpcendpointid,
         account_partition,
         region_partition,
         date_partition
FROM cloudtrail
WHERE account_partition = '111122223333' 
AND region_partition = 'us-east-1'
AND date_partition >= date_format(date_add('day',-90,current_timestamp), '%Y/%m/%d')
