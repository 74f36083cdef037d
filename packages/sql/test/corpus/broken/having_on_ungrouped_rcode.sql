-- variant-of: real/security-analytics/dns_query_counts.sql
-- class: having
-- mistake: HAVING rcode filters on a column that is neither grouped nor aggregated: 'rcode' must be an aggregate expression or appear in GROUP BY clause.
-- expect: 14:8
-- message: 'rcode' must be an aggregate expression or appear in GROUP BY clause; add it to GROUP BY or aggregate it (e.g. arbitrary(rcode))
-- database: security_analysis
-- columns: query_name string, query_type string, query_count bigint
SELECT  query_name, query_type, count(*) as query_count FROM r53dns
WHERE date_partition >= '2020/07/01'
AND date_partition <= '2020/07/31'
AND account_partition = '111122223333'
AND vpc_partition in ('vpc-00000001','vpc-00000002','vpc-00000003')
GROUP BY query_name, query_type
HAVING rcode = 'NOERROR'
ORDER BY query_count DESC
