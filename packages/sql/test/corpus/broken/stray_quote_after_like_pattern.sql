-- variant-of: real/alb/safari_urls.sql
-- class: syntax-stray-quote
-- mistake: a second ' after '%Safari%' leaves the string open: mismatched input / unterminated string literal.
-- expect: 9:23
-- database: default
-- columns: request_url string
SELECT request_url
FROM alb_logs
WHERE user_agent LIKE '%Safari%''
LIMIT 10
