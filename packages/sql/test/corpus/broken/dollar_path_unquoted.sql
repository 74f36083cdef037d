-- variant-of: real/service-logs/emr_files_with_errors.sql
-- class: name-needs-quotes
-- mistake: the hidden column $path must be written "$path": token recognition error at '$'.
-- expect: 8:17
-- message: syntax error: a name starting with "$" must be quoted; hidden columns are written "$path", "$file_size", "$file_modified_time", "$partition"
-- database: default
-- columns: filepath string
SELECT distinct($PATH) AS filepath
FROM "default"."myemrlogs"
WHERE regexp_like("$PATH",'2019-07-23-10')
        AND regexp_like(data, 'ERROR|WARN|INFO|EXCEPTION|FATAL|DEBUG') limit 100
