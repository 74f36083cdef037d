-- variant-of: real/waf/referer_count.sql
-- class: return-type
-- mistake: count(*) is bigint but the column is declared int; Athena calls the view stale.
-- expect: 12:8
-- message: column "referer_count" is declared as int (integer in Athena) but the SELECT produces bigint; Athena would report the view as stale: declare it as bigint, or CAST the expression to integer
-- database: default
-- columns: referer_count int
WITH test_dataset AS 
  (SELECT header FROM waf_logs
    CROSS JOIN UNNEST(httprequest.headers) AS t(header) WHERE "date" >= '2021/03/01'
    AND "date" < '2021/03/31')
SELECT COUNT(*) referer_count 
FROM test_dataset 
WHERE LOWER(header.name)='referer' AND header.value LIKE '%amazon%'
