-- source: https://github.com/awslabs/aws-security-analytics-bootstrap/blob/f7b8795c25bd26c594277e042938e905076313da/AWSSecurityAnalyticsBootstrap/sql/dml/analytics/vpcflow/vpcflow_demo_queries.sql
-- author: awslabs/aws-security-analytics-bootstrap (Amazon Web Services)  licence: Apache-2.0
-- database: security_analysis
-- adapted: named the three array_agg expressions AS destinationaddresses, instanceids, destinationports
-- columns: sourceaddress string, first_seen int, last_seen int, destinationaddresses array<string>, instanceids array<string>, destinationports array<int>
SELECT sourceaddress,
         min(starttime) AS first_seen,
         max(endtime) AS last_seen,
         array_agg(DISTINCT(destinationaddress)) AS destinationaddresses,
         array_agg(DISTINCT(instanceid)) AS instanceids,
         array_agg(DISTINCT(destinationport)) AS destinationports
FROM vpcflow
WHERE destinationport < 32768 -- skip ephemeral ports, since we're looking for inbound connections to service ports
AND date_partition >= '2020/07/01'
AND date_partition <= '2020/07/31'
AND account_partition = '111122223333'
AND region_partition in ('us-east-1','us-east-2','us-west-2', 'us-west-2')
GROUP BY sourceaddress
ORDER by first_seen ASC
