-- variant-of: real/security-analytics/vpcflow_bytes_per_quad.sql
-- class: foreign-function
-- mistake: percentile_approx is Hive/Spark; Athena has approx_percentile: Function 'percentile_approx' not registered.
-- expect: 8:72
-- message: percentile_approx is a Hive/Spark function that Athena (engine v3, Trino) does not have; write approx_percentile(x, 0.5) (Athena does not support it (Hive views list it as unsupported); approx_percentile also takes an array of percentages.)
-- database: security_analysis
-- columns: sourceaddress string, destinationaddress string, sourceport int, destinationport int, byte_count bigint
SELECT sourceaddress, destinationaddress, sourceport, destinationport, percentile_approx(numbytes, 0.5) as byte_count FROM vpcflow
WHERE (sourceaddress = '192.0.2.1' OR destinationaddress = '192.0.2.1')
AND date_partition >= '2020/07/01'
AND date_partition <= '2020/07/31'
AND account_partition = '111122223333'
AND region_partition in ('us-east-1','us-east-2','us-west-2', 'us-west-2')
GROUP BY sourceaddress, destinationaddress, sourceport, destinationport
ORDER BY byte_count DESC
