-- variant-of: real/trino-docs/hidden_columns.sql
-- class: syntax-stray-quote
-- mistake: the closing " of "$path" is missing: unterminated quoted identifier.
-- expect: 8:11
-- message: syntax error: the quoted name that starts here is never closed; end it with "
-- database: web
-- columns: view_time timestamp, user_id bigint, page_url string, ds date, country string, $path string, $file_size bigint, $partition string
SELECT *, "$path, "$file_size", "$partition"
FROM web.page_views
