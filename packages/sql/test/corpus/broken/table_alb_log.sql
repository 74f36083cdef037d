-- variant-of: real/alb/safari_urls.sql
-- class: unknown-table
-- mistake: the table is alb_logs: Table 'awsdatacatalog.default.alb_log' does not exist.
-- expect: 9:6
-- message: unknown table or view "alb_log" (a name without a database is looked up in default); did you mean "alb_logs"?
-- database: default
-- columns: request_url string
SELECT request_url
FROM alb_log
WHERE user_agent LIKE '%Safari%'
LIMIT 10
