-- source: https://github.com/awsdocs/amazon-athena-user-guide/blob/765e909ebcf8817b22efad881b7f90f32440b891/doc_source/emr-logs.md
-- author: AWS documentation (Amazon Athena User Guide)  licence: MIT-0 (sample code; text CC BY-SA 4.0)
-- database: default
-- adapted: removed the trailing semicolon
-- columns: data string, filepath string
SELECT "data",
        "$PATH" AS filepath
FROM "default"."myemrlogs"
WHERE regexp_like("$PATH",'i-00b3c0a839ece0a9c')
        AND regexp_like("$PATH",'state')
        AND regexp_like(data, 'ERROR|WARN|INFO|EXCEPTION|FATAL|DEBUG') limit 100
