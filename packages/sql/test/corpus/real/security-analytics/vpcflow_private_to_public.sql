-- source: https://github.com/awslabs/aws-security-analytics-bootstrap/blob/f7b8795c25bd26c594277e042938e905076313da/AWSSecurityAnalyticsBootstrap/sql/dml/analytics/vpcflow/vpcflow_demo_queries.sql
-- author: awslabs/aws-security-analytics-bootstrap (Amazon Web Services)  licence: Apache-2.0
-- database: security_analysis
-- adapted: no
-- columns: version int, account string, interfaceid string, sourceaddress string, destinationaddress string, sourceport int, destinationport int, protocol int, numpackets int, numbytes bigint, starttime int, endtime int, action string, logstatus string, vpcid string, subnetid string, instanceid string, tcpflags smallint, type string, pktsrcaddr string, pktdstaddr string, region string, azid string, sublocationtype string, sublocationid string, pktsrcawsservice string, pktdstawsservice string, flowdirection string, trafficpath string, date_partition string, region_partition string, account_partition string
SELECT *
FROM vpcflow
WHERE logstatus = 'OK' -- required to filter out '-' in the src/dst IP fields
AND (    (
         NOT ( (CAST(sourceaddress AS IPADDRESS) > IPADDRESS '10.0.0.0'
         AND CAST(sourceaddress AS IPADDRESS) < IPADDRESS '10.255.255.255')
         OR (CAST(sourceaddress AS IPADDRESS) > IPADDRESS '172.16.0.0'
         AND CAST(sourceaddress AS IPADDRESS) < IPADDRESS '172.31.255.255')
         OR (CAST(sourceaddress AS IPADDRESS) > IPADDRESS '192.168.0.0'
         AND CAST(sourceaddress AS IPADDRESS) < IPADDRESS '192.168.255.255'))
     
         AND ( (CAST(destinationaddress AS IPADDRESS) > IPADDRESS '10.0.0.0'
         AND CAST(destinationaddress AS IPADDRESS) < IPADDRESS '10.255.255.255')
         OR (CAST(destinationaddress AS IPADDRESS) > IPADDRESS '172.16.0.0'
         AND CAST(destinationaddress AS IPADDRESS) < IPADDRESS '172.31.255.255')
         OR (CAST(destinationaddress AS IPADDRESS) > IPADDRESS '192.168.0.0'
         AND CAST(destinationaddress AS IPADDRESS) < IPADDRESS '192.168.255.255'))
         )
         
      OR (
         NOT ( (CAST(destinationaddress AS IPADDRESS) > IPADDRESS '10.0.0.0'
         AND CAST(destinationaddress AS IPADDRESS) < IPADDRESS '10.255.255.255')
         OR (CAST(destinationaddress AS IPADDRESS) > IPADDRESS '172.16.0.0'
         AND CAST(destinationaddress AS IPADDRESS) < IPADDRESS '172.31.255.255')
         OR (CAST(destinationaddress AS IPADDRESS) > IPADDRESS '192.168.0.0'
         AND CAST(destinationaddress AS IPADDRESS) < IPADDRESS '192.168.255.255'))
     
         AND ( (CAST(sourceaddress AS IPADDRESS) > IPADDRESS '10.0.0.0'
         AND CAST(sourceaddress AS IPADDRESS) < IPADDRESS '10.255.255.255')
         OR (CAST(sourceaddress AS IPADDRESS) > IPADDRESS '172.16.0.0'
         AND CAST(sourceaddress AS IPADDRESS) < IPADDRESS '172.31.255.255')
         OR (CAST(sourceaddress AS IPADDRESS) > IPADDRESS '192.168.0.0'
         AND CAST(sourceaddress AS IPADDRESS) < IPADDRESS '192.168.255.255'))
         )
     )
AND date_partition >= '2020/07/01'
AND date_partition <= '2020/07/31'
AND account_partition = '111122223333'
AND region_partition in ('us-east-1','us-east-2','us-west-2', 'us-west-2')
