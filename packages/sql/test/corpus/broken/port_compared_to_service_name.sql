-- variant-of: real/security-analytics/vpcflow_bytes_from_port_443.sql
-- class: operator-types
-- mistake: sourceport is an int compared with 'https': Cannot apply operator: integer = varchar(5).
-- expect: 10:16
-- message: cannot apply operator: integer = varchar(5); Athena never converts between these types implicitly: e.g. CAST(sourceport AS varchar) = 'https'
-- database: security_analysis
-- columns: region string, instanceid string, sourceaddress string, sourceport int, destinationaddress string, byte_count bigint
SELECT region, instanceid, sourceaddress, sourceport, destinationaddress, sum(numbytes) as byte_count FROM vpcflow
WHERE instanceid = 'i-000000000000000'
AND sourceport = 'https'
AND date_partition >= '2020/07/01'
AND date_partition <= '2020/07/31'
AND account_partition = '111122223333'
AND region_partition in ('us-east-1','us-east-2','us-west-2', 'us-west-2')
GROUP BY region, instanceid, sourceaddress, sourceport, destinationaddress
ORDER BY byte_count DESC
