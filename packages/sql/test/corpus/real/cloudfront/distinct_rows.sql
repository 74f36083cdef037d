-- source: https://github.com/awsdocs/amazon-athena-user-guide/blob/765e909ebcf8817b22efad881b7f90f32440b891/doc_source/cloudfront-logs.md
-- author: AWS documentation (Amazon Athena User Guide)  licence: MIT-0 (sample code; text CC BY-SA 4.0)
-- database: default
-- adapted: removed the trailing semicolon
-- columns: date date, time string, location string, bytes bigint, request_ip string, method string, host string, uri string, status int, referrer string, user_agent string, query_string string, cookie string, result_type string, request_id string, host_header string, request_protocol string, request_bytes bigint, time_taken float, xforwarded_for string, ssl_protocol string, ssl_cipher string, response_result_type string, http_version string, fle_status string, fle_encrypted_fields int, c_port int, time_to_first_byte float, x_edge_detailed_result_type string, sc_content_type string, sc_content_len bigint, sc_range_start bigint, sc_range_end bigint
SELECT DISTINCT * 
FROM cloudfront_logs 
LIMIT 10
