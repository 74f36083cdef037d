-- variant-of: real/vpc/https_packets_last_week.sql
-- class: operator-types
-- mistake: the date partition is compared with a varchar literal; Trino does not coerce varchar to date: Cannot apply operator: date > varchar(10).
-- expect: 12:30
-- message: cannot apply operator: date > varchar(10); Athena never converts between these types implicitly: e.g. date > DATE '2020-05-01'
-- database: default
-- columns: packetcount bigint, dstaddr string
SELECT SUM(packets) AS
  packetcount,
  dstaddr
FROM vpc_flow_logs
WHERE dstport = 443 AND date > '2020-05-01'
GROUP BY dstaddr
ORDER BY packetcount DESC
LIMIT 10
