-- source: https://github.com/awslabs/aws-security-analytics-bootstrap/blob/f7b8795c25bd26c594277e042938e905076313da/AWSSecurityAnalyticsBootstrap/sql/dml/analytics/dns/dns_demo_queries.sql
-- author: awslabs/aws-security-analytics-bootstrap (Amazon Web Services)  licence: Apache-2.0
-- database: security_analysis
-- adapted: removed the trailing semicolon
-- columns: query_name string, query_type string, query_count bigint
SELECT  query_name, query_type, count(*) as query_count FROM r53dns
WHERE date_partition >= '2020/07/01'
AND date_partition <= '2020/07/31'
AND account_partition = '111122223333'
AND vpc_partition in ('vpc-00000001','vpc-00000002','vpc-00000003')
GROUP BY query_name, query_type
ORDER BY query_count DESC
