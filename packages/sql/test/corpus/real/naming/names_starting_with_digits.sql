-- source: https://github.com/awsdocs/amazon-athena-user-guide/blob/765e909ebcf8817b22efad881b7f90f32440b891/doc_source/tables-databases-columns-names.md
-- author: AWS documentation (Amazon Athena User Guide)  licence: MIT-0 (sample code; text CC BY-SA 4.0)
-- database: default
-- adapted: kept the SELECT of CREATE OR REPLACE VIEW "123view"
-- columns: 123columnone string, 123columntwo string
SELECT "123columnone", "123columntwo"
FROM "234table"
