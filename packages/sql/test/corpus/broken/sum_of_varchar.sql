-- variant-of: real/cloudfront/bytes_in_date_range.sql
-- class: argument-type
-- mistake: sum of the varchar uri: Unexpected parameters (varchar) for function sum.
-- expect: 7:8
-- database: default
-- columns: total_bytes bigint
SELECT SUM(uri) AS total_bytes
FROM cloudfront_logs
WHERE "date" BETWEEN DATE '2018-06-09' AND DATE '2018-06-11'
LIMIT 100
