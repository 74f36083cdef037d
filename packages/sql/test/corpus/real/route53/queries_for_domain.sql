-- source: https://github.com/awsdocs/amazon-athena-user-guide/blob/765e909ebcf8817b22efad881b7f90f32440b891/doc_source/querying-r53-resolver-logs.md
-- author: AWS documentation (Amazon Athena User Guide)  licence: MIT-0 (sample code; text CC BY-SA 4.0)
-- database: default
-- adapted: no
-- columns: query_timestamp string, instance string, srcaddr string, srcport int, query_name string, rcode string, answers array<struct<rdata:string,type:string,class:string>>
SELECT query_timestamp, srcids.instance, srcaddr, srcport, query_name, rcode, answers
FROM "r53_rlogs"
WHERE query_name LIKE '%example.com%'
ORDER BY query_timestamp DESC
