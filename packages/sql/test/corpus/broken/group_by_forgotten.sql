-- variant-of: real/vpc/https_packets_last_week.sql
-- class: group-by
-- mistake: SUM(packets) with dstaddr but no GROUP BY: 'dstaddr' must be an aggregate expression or appear in GROUP BY clause.
-- expect: 10:3
-- message: 'dstaddr' must be an aggregate expression or appear in GROUP BY clause; add it to GROUP BY or aggregate it (e.g. arbitrary(dstaddr))
-- database: default
-- columns: packetcount bigint, dstaddr string
SELECT SUM(packets) AS
  packetcount,
  dstaddr
FROM vpc_flow_logs
WHERE dstport = 443 AND date > current_date - interval '7' day
ORDER BY packetcount DESC
LIMIT 10
