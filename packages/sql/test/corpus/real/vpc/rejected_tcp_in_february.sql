-- source: https://github.com/awsdocs/amazon-athena-user-guide/blob/765e909ebcf8817b22efad881b7f90f32440b891/doc_source/vpc-flow-logs.md
-- author: AWS documentation (Amazon Athena User Guide)  licence: MIT-0 (sample code; text CC BY-SA 4.0)
-- database: default
-- adapted: no
-- columns: day string, interface_id string, srcaddr string, action string, protocol bigint
SELECT day,
       interface_id,
       srcaddr,
       action,
       protocol
FROM test_table_vpclogs
WHERE action = 'REJECT' AND protocol = 6 AND day >= '2021/02/01' AND day < '2021/02/28'
LIMIT 10
