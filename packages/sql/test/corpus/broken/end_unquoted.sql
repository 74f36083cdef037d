-- variant-of: real/vpc/flows_with_start_and_end.sql
-- class: name-needs-quotes
-- mistake: end is reserved (CASE ... END) and must be written "end": mismatched input 'end'.
-- expect: 13:33
-- message: syntax error: "end" is a reserved word in Athena SQL; to use it as a name, quote it: "end"
-- database: default
-- columns: interface_id string, srcaddr string, action string, protocol bigint, start_time string, end_time string
SELECT interface_id,
       srcaddr,
       action,
       protocol,
       to_iso8601(from_unixtime(start)) AS start_time,
       to_iso8601(from_unixtime(end)) AS end_time
FROM test_table_vpclogs
WHERE DAY >= '2021/04/01'
  AND DAY < '2021/04/30'
