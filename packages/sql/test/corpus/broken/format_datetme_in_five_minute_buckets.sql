-- variant-of: real/waf/ip_count_per_five_minutes.sql
-- class: unknown-function
-- mistake: format_datetme is a typo of format_datetime; Athena: Function 'format_datetme' not registered.
-- expect: 10:6
-- message: function format_datetme is not registered in Athena (engine v3, Trino functions); did you mean format_datetime?
-- database: default
-- columns: five_minutes_ts string, clientip string, ip_count bigint
WITH test_dataset AS 
  (SELECT 
     format_datetme(from_unixtime((timestamp/1000) - ((minute(from_unixtime(timestamp / 1000))%5) * 60)),'yyyy-MM-dd HH:mm') AS five_minutes_ts,
     "httprequest"."clientip" 
     FROM waf_logs 
     WHERE "date" >= '2021/03/01' AND "date" < '2021/03/31')
SELECT five_minutes_ts,"clientip",count(*) ip_count 
FROM test_dataset 
GROUP BY five_minutes_ts,"clientip"
