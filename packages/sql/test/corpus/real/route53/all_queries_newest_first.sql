-- source: https://github.com/awsdocs/amazon-athena-user-guide/blob/765e909ebcf8817b22efad881b7f90f32440b891/doc_source/querying-r53-resolver-logs.md
-- author: AWS documentation (Amazon Athena User Guide)  licence: MIT-0 (sample code; text CC BY-SA 4.0)
-- database: default
-- adapted: no
-- columns: version string, account_id string, region string, vpc_id string, query_timestamp string, query_name string, query_type string, query_class string, rcode string, answers array<struct<rdata:string,type:string,class:string>>, srcaddr string, srcport int, transport string, srcids struct<instance:string,resolver_endpoint:string>
SELECT * FROM "r53_rlogs"
ORDER BY query_timestamp DESC
