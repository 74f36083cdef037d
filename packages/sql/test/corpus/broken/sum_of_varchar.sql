-- variant-of: real/cloudfront/bytes_in_date_range.sql
-- class: argument-type
-- mistake: sum of the varchar uri: Unexpected parameters (varchar) for function sum.
-- expect: 8:8
-- message: unexpected parameters (varchar) for function SUM; expected: sum(decimal(p,s)) → decimal(38,s), sum(double) → double, sum(interval day to second) → interval day to second, sum(interval year to month) → interval year to month, sum(bigint) → bigint, sum(real) → real. CAST the arguments to one of these types
-- database: default
-- columns: total_bytes bigint
SELECT SUM(uri) AS total_bytes
FROM cloudfront_logs
WHERE "date" BETWEEN DATE '2018-06-09' AND DATE '2018-06-11'
LIMIT 100
