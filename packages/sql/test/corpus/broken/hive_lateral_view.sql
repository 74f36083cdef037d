-- variant-of: real/waf/referer_count.sql
-- class: unsupported
-- mistake: LATERAL VIEW explode is HiveQL; Athena (Trino) needs CROSS JOIN UNNEST: mismatched input 'VIEW'.
-- expect: 10:5
-- message: syntax error: LATERAL VIEW is Hive syntax that Athena (Trino) does not have; write CROSS JOIN UNNEST(array_column) AS t(element)
-- database: default
-- columns: referer_count bigint
WITH test_dataset AS 
  (SELECT header FROM waf_logs
    LATERAL VIEW explode(httprequest.headers) t AS header WHERE "date" >= '2021/03/01'
    AND "date" < '2021/03/31')
SELECT COUNT(*) referer_count 
FROM test_dataset 
WHERE LOWER(header.name)='referer' AND header.value LIKE '%amazon%'
