-- variant-of: real/cloudtrail/session_issuers.sql
-- class: unknown-column
-- mistake: sessionissuer has arn, not role_arn: Column 'useridentity.sessioncontext.sessionissuer.role_arn' cannot be resolved.
-- expect: 14:7
-- message: row "useridentity.sessioncontext.sessionissuer" has no field "role_arn" (fields: type, principalid, arn, accountid, username)
-- database: default
-- columns: eventsource string, eventname string, creationdate string, arn string
SELECT 
    eventsource, 
    eventname,
    useridentity.sessioncontext.attributes.creationdate,
    useridentity.sessioncontext.sessionissuer.arn
FROM cloudtrail_logs
WHERE useridentity.sessioncontext.sessionissuer.role_arn IS NOT NULL
ORDER BY eventsource, eventname
LIMIT 10
