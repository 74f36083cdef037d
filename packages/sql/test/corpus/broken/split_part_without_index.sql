-- variant-of: real/vpc/flows_from_subnet.sql
-- class: arity
-- mistake: split_part takes (string, delimiter, index); the index is missing: Unexpected parameters (varchar, varchar(1)) for function split_part.
-- expect: 10:7
-- message: split_part takes 3 arguments, not 2: split_part(varchar(x), varchar(y), bigint) → varchar(x)
-- database: default
-- columns: version int, account_id string, interface_id string, srcaddr string, dstaddr string, srcport int, dstport int, protocol bigint, packets bigint, bytes bigint, start bigint, end bigint, action string, log_status string, vpc_id string, subnet_id string, instance_id string, tcp_flags int, type string, pkt_srcaddr string, pkt_dstaddr string, az_id string, sublocation_type string, sublocation_id string, pkt_src_aws_service string, pkt_dst_aws_service string, flow_direction string, traffic_path int, region string, day string
SELECT *
FROM test_table_vpclogs
WHERE split_part(srcaddr,'.')='10'
  AND split_part(srcaddr,'.', 2) ='117'
