-- variant-of: real/vpc/flows_with_start_and_end.sql
-- class: argument-type
-- mistake: to_iso8601 takes a date or timestamp, not the bigint start: Unexpected parameters (bigint) for function to_iso8601.
-- expect: 12:8
-- message: unexpected parameters (bigint) for function to_iso8601; expected: to_iso8601(date) → varchar(16), to_iso8601(timestamp(p)) → varchar(1+6+15+min(p,1)+p), to_iso8601(timestamp(p) with time zone) → varchar(1+6+15+min(p,1)+p+6). CAST the arguments to one of these types
-- database: default
-- columns: interface_id string, srcaddr string, action string, protocol bigint, start_time string, end_time string
SELECT interface_id,
       srcaddr,
       action,
       protocol,
       to_iso8601(start) AS start_time,
       to_iso8601(from_unixtime("end")) AS end_time
FROM test_table_vpclogs
WHERE DAY >= '2021/04/01'
  AND DAY < '2021/04/30'
