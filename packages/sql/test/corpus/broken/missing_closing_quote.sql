-- variant-of: real/cloudtrail/anonymous_s3_gets.sql
-- class: syntax-stray-quote
-- mistake: the closing ' of 's3.amazonaws.com' is missing, so the string runs into the next literal: mismatched input.
-- expect: 11:19
-- message: syntax error: the string that starts here is never closed; end it with ' (write '' for a quote inside a string)
-- database: default
-- columns: eventversion string, useridentity struct<type:string,principalid:string,arn:string,accountid:string,invokedby:string,accesskeyid:string,username:string,sessioncontext:struct<attributes:struct<mfaauthenticated:string,creationdate:string>,sessionissuer:struct<type:string,principalid:string,arn:string,accountid:string,username:string>,ec2roledelivery:string,webidfederationdata:map<string,string>>>, eventtime string, eventsource string, eventname string, awsregion string, sourceipaddress string, useragent string, errorcode string, errormessage string, requestparameters string, responseelements string, additionaleventdata string, requestid string, eventid string, resources array<struct<arn:string,accountid:string,type:string>>, eventtype string, apiversion string, readonly string, recipientaccountid string, serviceeventdetails string, sharedeventid string, vpcendpointid string, tlsdetails struct<tlsversion:string,ciphersuite:string,clientprovidedhostheader:string>, region string, year string, month string, day string
SELECT *
FROM cloudtrail_logs
WHERE 
    eventsource = 's3.amazonaws.com AND 
    eventname in ('GetObject') AND 
    useridentity.accountid = 'anonymous' AND 
    useridentity.arn IS NULL AND
    requestparameters LIKE '%amzn-s3-demo-bucket%'
