-- variant-of: real/alb/safari_urls.sql
-- class: syntax-stray-quote
-- mistake: a second ' after '%Safari%' leaves the string open: mismatched input / unterminated string literal.
-- expect: 10:23
-- message: syntax error: the string that starts here is never closed; end it with ' (write '' for a quote inside a string)
-- database: default
-- columns: request_url string
SELECT request_url
FROM alb_logs
WHERE user_agent LIKE '%Safari%''
LIMIT 10
