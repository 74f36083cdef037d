-- variant-of: real/security-analytics/dns_query_counts.sql
-- class: nested-aggregate
-- mistake: avg(count(*)) nests an aggregation: Cannot nest aggregations inside aggregation 'avg'.
-- expect: 8:37
-- message: cannot nest aggregations inside aggregation 'avg': count(*); compute the inner aggregate in a subquery or WITH query first
-- database: security_analysis
-- columns: query_name string, query_type string, query_count double
SELECT  query_name, query_type, avg(count(*)) as query_count FROM r53dns
WHERE date_partition >= '2020/07/01'
AND date_partition <= '2020/07/31'
AND account_partition = '111122223333'
AND vpc_partition in ('vpc-00000001','vpc-00000002','vpc-00000003')
GROUP BY query_name, query_type
ORDER BY query_count DESC
