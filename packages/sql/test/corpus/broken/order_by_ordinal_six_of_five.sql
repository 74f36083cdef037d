-- variant-of: real/waf/blocked_requests_by_rule.sql
-- class: order-by-ordinal
-- mistake: ORDER BY 6 but the select list has 5 columns: ORDER BY position 6 is not in select list.
-- expect: 17:10
-- message: ORDER BY position 6 is not in select list; the SELECT has 5 columns
-- database: default
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
ORDER BY 6 DESC
LIMIT 100
