-- source: https://github.com/awsdocs/amazon-athena-user-guide/blob/765e909ebcf8817b22efad881b7f90f32440b891/doc_source/waf-logs.md
-- author: AWS documentation (Amazon Athena User Guide)  licence: MIT-0 (sample code; text CC BY-SA 4.0)
-- database: default
-- adapted: removed the trailing semicolon
-- columns: count bigint, webaclid string, terminatingruleid string, clientip string, uri string
SELECT 
  COUNT(*) AS count,
  webaclid,
  terminatingruleid,
  httprequest.clientip,
  httprequest.uri
FROM waf_logs
WHERE action='BLOCK'
GROUP BY webaclid, terminatingruleid, httprequest.clientip, httprequest.uri
ORDER BY count DESC
LIMIT 100
