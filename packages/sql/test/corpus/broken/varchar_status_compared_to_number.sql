-- variant-of: real/service-logs/classic_elb_backend_errors.sql
-- class: operator-types
-- mistake: backend_response_code is a varchar compared with a number: Cannot apply operator: varchar >= integer.
-- expect: 14:29
-- message: cannot apply operator: varchar >= integer; Athena never converts between these types implicitly: e.g. CAST(backend_response_code AS integer) >= 400
-- database: default
-- columns: timestamp string, elb_name string, backend_ip string, backend_response_code string
SELECT
 timestamp,
 elb_name,
 backend_ip,
 backend_response_code
FROM elb_logs
WHERE backend_response_code >= 400
LIMIT 100
