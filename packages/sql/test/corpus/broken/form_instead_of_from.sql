-- variant-of: real/alb/safari_urls.sql
-- class: syntax-typo-keyword
-- mistake: FORM instead of FROM: mismatched input 'alb_logs'.
-- expect: 9:1
-- message: syntax error: "FORM" is not a keyword here; did you mean FROM?
-- database: default
-- columns: request_url string
SELECT request_url
FORM alb_logs
WHERE user_agent LIKE '%Safari%'
LIMIT 10
