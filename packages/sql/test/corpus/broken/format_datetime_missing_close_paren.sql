-- variant-of: real/waf/ip_count_per_five_minutes.sql
-- class: syntax-unbalanced-parenthesis
-- mistake: one ) is missing before the format pattern, so the ( of format_datetime( is never closed: mismatched input 'AS'.
-- expect: 10:21
-- message: syntax error: this "(" is never closed; add the missing ")"
-- database: default
-- columns: five_minutes_ts string, clientip string, ip_count bigint
WITH test_dataset AS 
  (SELECT 
     format_datetime(from_unixtime((timestamp/1000) - ((minute(from_unixtime(timestamp / 1000))%5) * 60),'yyyy-MM-dd HH:mm') AS five_minutes_ts,
     "httprequest"."clientip" 
     FROM waf_logs 
     WHERE "date" >= '2021/03/01' AND "date" < '2021/03/31')
SELECT five_minutes_ts,"clientip",count(*) ip_count 
FROM test_dataset 
GROUP BY five_minutes_ts,"clientip"
