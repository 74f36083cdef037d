-- variant-of: real/waf/rate_based_blocks_by_country.sql
-- class: unknown-column
-- mistake: the httprequest struct has country, not country_code: Column 'httprequest.country_code' cannot be resolved.
-- expect: 14:3
-- message: row "httprequest" has no field "country_code" (fields: clientip, country, headers, uri, args, httpversion, httpmethod, requestid)
-- database: default
-- columns: count bigint, country string
SELECT 
  COUNT(httpRequest.country) as count, 
  httpRequest.country 
FROM waf_logs
WHERE 
  terminatingruletype='RATE_BASED' AND 
  httpRequest.country_code='IE'
GROUP BY httpRequest.country
ORDER BY count
LIMIT 100
