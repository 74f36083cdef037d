-- variant-of: real/security-analytics/vpcflow_bytes_per_quad.sql
-- class: return-type
-- mistake: sum(numbytes) over a bigint column is bigint but byte_count is declared int; Athena calls the view stale.
-- expect: 8:72
-- message: column "byte_count" is declared as int (integer in Athena) but the SELECT produces bigint; Athena would report the view as stale: declare it as bigint, or CAST the expression to integer
-- database: security_analysis
-- columns: sourceaddress string, destinationaddress string, sourceport int, destinationport int, byte_count int
SELECT sourceaddress, destinationaddress, sourceport, destinationport, sum(numbytes) as byte_count FROM vpcflow
WHERE (sourceaddress = '192.0.2.1' OR destinationaddress = '192.0.2.1')
AND date_partition >= '2020/07/01'
AND date_partition <= '2020/07/31'
AND account_partition = '111122223333'
AND region_partition in ('us-east-1','us-east-2','us-west-2', 'us-west-2')
GROUP BY sourceaddress, destinationaddress, sourceport, destinationport
ORDER BY byte_count DESC
