-- variant-of: real/waf/blocked_requests_by_rule.sql
-- class: syntax-missing-comma
-- mistake: the comma after COUNT(*) AS count is missing: mismatched input 'webaclid'.
-- expect: 10:3
-- message: syntax error: "webaclid" cannot follow "count" here; is a comma missing before "webaclid"? (two names in a row read as a value and its alias)
-- database: default
-- columns: count bigint, webaclid string, terminatingruleid string, clientip string, uri string
SELECT 
  COUNT(*) AS count
  webaclid,
  terminatingruleid,
  httprequest.clientip,
  httprequest.uri
FROM waf_logs
WHERE action='BLOCK'
GROUP BY webaclid, terminatingruleid, httprequest.clientip, httprequest.uri
ORDER BY count DESC
LIMIT 100
