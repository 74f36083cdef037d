-- variant-of: real/security-analytics/vpcflow_bytes_per_quad.sql
-- class: unknown-table
-- mistake: vpc_flow_logs is the Athena guide's table in another database; here the table is vpcflow: Table 'awsdatacatalog.security_analysis.vpc_flow_logs' does not exist.
-- expect: 8:105
-- message: unknown table or view "vpc_flow_logs" (a name without a database is looked up in security_analysis); did you mean "default.vpc_flow_logs"?
-- database: security_analysis
-- columns: sourceaddress string, destinationaddress string, sourceport int, destinationport int, byte_count bigint
SELECT sourceaddress, destinationaddress, sourceport, destinationport, sum(numbytes) as byte_count FROM vpc_flow_logs
WHERE (sourceaddress = '192.0.2.1' OR destinationaddress = '192.0.2.1')
AND date_partition >= '2020/07/01'
AND date_partition <= '2020/07/31'
AND account_partition = '111122223333'
AND region_partition in ('us-east-1','us-east-2','us-west-2', 'us-west-2')
GROUP BY sourceaddress, destinationaddress, sourceport, destinationport
ORDER BY byte_count DESC
