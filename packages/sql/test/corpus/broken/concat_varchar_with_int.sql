-- variant-of: real/alb/requests_by_verb_and_client.sql
-- class: operator-types
-- mistake: || joins varchar with the int client_port without a cast: Cannot apply operator: varchar || integer.
-- expect: 11:19
-- message: cannot apply operator: varchar || integer; Athena never converts between these types implicitly: e.g. client_ip || ':' || CAST(client_port AS varchar)
-- database: default
-- columns: count bigint, request_verb string, client_ip string
SELECT COUNT(request_verb) AS
 count,
 request_verb,
 client_ip || ':' || client_port AS client_ip
FROM alb_logs
GROUP BY request_verb, client_ip, client_port
LIMIT 100
