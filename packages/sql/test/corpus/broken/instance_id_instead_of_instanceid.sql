-- variant-of: real/security-analytics/vpcflow_ip_pairs.sql
-- class: unknown-column
-- mistake: this table names the column instanceid (the Athena guide's VPC table says instance_id): Column 'instance_id' cannot be resolved.
-- expect: 8:16
-- message: column "instance_id" is not in security_analysis.vpcflow (columns: version, account, interfaceid, sourceaddress, destinationaddress, sourceport, destinationport, protocol, numpackets, numbytes, starttime, endtime, action, logstatus, vpcid, subnetid, instanceid, tcpflags, type, pktsrcaddr, pktdstaddr, region, azid, sublocationtype, sublocationid, pktsrcawsservice, pktdstawsservice, flowdirection, trafficpath, date_partition, … (2 more)); did you mean "instanceid"?
-- database: security_analysis
-- columns: region string, instanceid string, sourceaddress string, destinationaddress string, record_count bigint
SELECT region, instance_id, sourceaddress, destinationaddress, count(*) as record_count FROM vpcflow
WHERE date_partition >= '2020/07/01'
AND date_partition <= '2020/07/31'
AND account_partition = '111122223333'
AND region_partition in ('us-east-1','us-east-2','us-west-2', 'us-west-2')
GROUP BY region, instanceid, sourceaddress, destinationaddress
ORDER BY record_count DESC
