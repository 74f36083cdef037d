-- variant-of: real/waf/requests_last_day.sql
-- class: foreign-function
-- mistake: unix_timestamp() is Hive; Athena has to_unixtime(now()): Function 'unix_timestamp' not registered.
-- expect: 13:24
-- message: unix_timestamp is a Hive/Spark/MySQL function that Athena (engine v3, Trino) does not have; write to_unixtime(now()) (unix_timestamp(s, fmt) is to_unixtime(parse_datetime(s, fmt)) (Joda format) or to_unixtime(date_parse(s, fmt)) (MySQL format).)
-- database: default
-- columns: time_iso_8601 string, httpsourcename string, httpsourceid string, httprequest struct<clientip:string,country:string,headers:array<struct<name:string,value:string>>,uri:string,args:string,httpversion:string,httpmethod:string,requestid:string>
SELECT to_iso8601(from_unixtime(timestamp/1000)) AS time_ISO_8601, 
       httpsourcename, 
       httpsourceid, 
       httprequest 
FROM waf_logs
WHERE timestamp/1000 > unix_timestamp() - 86400
LIMIT 10
