-- variant-of: real/security-analytics/vpcflow_ip_pairs.sql
-- class: order-by-ordinal
-- mistake: ORDER BY 6 but the select list has 5 columns: ORDER BY position 6 is not in select list.
-- expect: 14:10
-- message: ORDER BY position 6 is not in select list; the SELECT has 5 columns
-- database: security_analysis
-- columns: region string, instanceid string, sourceaddress string, destinationaddress string, record_count bigint
SELECT region, instanceid, sourceaddress, destinationaddress, count(*) as record_count FROM vpcflow
WHERE date_partition >= '2020/07/01'
AND date_partition <= '2020/07/31'
AND account_partition = '111122223333'
AND region_partition in ('us-east-1','us-east-2','us-west-2', 'us-west-2')
GROUP BY region, instanceid, sourceaddress, destinationaddress
ORDER BY 6 DESC
