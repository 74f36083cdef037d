-- variant-of: real/alb/requests_by_verb_and_client.sql
-- class: group-by
-- mistake: client_ip is selected but GROUP BY lists only request_verb: 'client_ip' must be an aggregate expression or appear in GROUP BY clause.
-- expect: 11:2
-- message: 'client_ip' must be an aggregate expression or appear in GROUP BY clause; add it to GROUP BY or aggregate it (e.g. arbitrary(client_ip))
-- database: default
-- columns: count bigint, request_verb string, client_ip string
SELECT COUNT(request_verb) AS
 count,
 request_verb,
 client_ip
FROM alb_logs
GROUP BY request_verb
LIMIT 100
