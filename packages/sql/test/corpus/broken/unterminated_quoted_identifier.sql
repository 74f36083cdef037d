-- variant-of: real/trino-docs/hidden_columns.sql
-- class: syntax-stray-quote
-- mistake: the closing " of "$path" is missing: unterminated quoted identifier.
-- expect: 7:11
-- database: web
-- columns: view_time timestamp, user_id bigint, page_url string, ds date, country string, $path string, $file_size bigint, $partition string
SELECT *, "$path, "$file_size", "$partition"
FROM web.page_views
