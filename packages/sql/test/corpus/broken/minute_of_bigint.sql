-- variant-of: real/waf/ip_count_per_five_minutes.sql
-- class: argument-type
-- mistake: minute() takes a timestamp, not the bigint epoch: Unexpected parameters (bigint) for function minute.
-- expect: 10:57
-- message: unexpected parameters (bigint) for function minute; expected: minute(interval day to second) → bigint, minute(time(p)) → bigint, minute(timestamp(p)) → bigint, minute(timestamp(p) with time zone) → bigint, minute(time(p) with time zone) → bigint. CAST the arguments to one of these types
-- database: default
-- columns: five_minutes_ts string, clientip string, ip_count bigint
WITH test_dataset AS 
  (SELECT 
     format_datetime(from_unixtime((timestamp/1000) - ((minute(timestamp / 1000)%5) * 60)),'yyyy-MM-dd HH:mm') AS five_minutes_ts,
     "httprequest"."clientip" 
     FROM waf_logs 
     WHERE "date" >= '2021/03/01' AND "date" < '2021/03/31')
SELECT five_minutes_ts,"clientip",count(*) ip_count 
FROM test_dataset 
GROUP BY five_minutes_ts,"clientip"
