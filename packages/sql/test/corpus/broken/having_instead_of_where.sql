-- variant-of: real/waf/x_forwarded_for_counts.sql
-- class: having
-- mistake: the header-name filter moved from WHERE to HAVING, where header.name is neither grouped nor aggregated: 'header.name' must be an aggregate expression or appear in GROUP BY clause.
-- expect: 17:8
-- message: 'header.name' must be an aggregate expression or appear in GROUP BY clause; add it to GROUP BY or aggregate it (e.g. arbitrary(header.name))
-- database: default
-- columns: ip string, count bigint
WITH test_dataset AS
  (SELECT header
   FROM waf_logs
   CROSS JOIN UNNEST (httprequest.headers) AS t(header)
   WHERE from_unixtime("timestamp"/1000) > now() - interval '10' DAY) 
SELECT header.value AS ip,
       count(*) AS COUNT 
FROM test_dataset 
GROUP BY header.value 
HAVING header.name='X-Forwarded-For' 
ORDER BY COUNT DESC
