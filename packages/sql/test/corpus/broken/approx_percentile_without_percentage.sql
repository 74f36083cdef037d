-- variant-of: real/alb/received_bytes_by_client_in_window.sql
-- class: arity
-- mistake: approx_percentile needs the percentage (or an array of them): Unexpected parameters (bigint) for function approx_percentile.
-- expect: 8:19
-- message: approx_percentile takes 2, 3 or 4 arguments, not 1: approx_percentile(bigint, double) → bigint, approx_percentile(double, double) → double, approx_percentile(real, double) → real, approx_percentile(bigint, array(double)) → array(bigint), approx_percentile(double, array(double)) → array(double), approx_percentile(real, array(double)) → array(real), approx_percentile(bigint, double, double) → bigint, approx_percentile(double, double, double) → double, … (7 more)
-- database: default
-- columns: client_ip string, total_received_bytes bigint
SELECT client_ip, approx_percentile(received_bytes) AS total_received_bytes
FROM alb_logs
WHERE parse_datetime(time,'yyyy-MM-dd''T''HH:mm:ss.SSSSSS''Z') 
     BETWEEN parse_datetime('2018-05-30-12:00:00','yyyy-MM-dd-HH:mm:ss') 
     AND parse_datetime('2018-05-31-00:00:00','yyyy-MM-dd-HH:mm:ss') 
GROUP BY client_ip
