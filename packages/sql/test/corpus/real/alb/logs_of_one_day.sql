-- source: https://github.com/awsdocs/amazon-athena-user-guide/blob/765e909ebcf8817b22efad881b7f90f32440b891/doc_source/application-load-balancer-logs.md
-- author: AWS documentation (Amazon Athena User Guide)  licence: MIT-0 (sample code; text CC BY-SA 4.0)
-- database: default
-- adapted: no
-- columns: type string, time string, elb string, client_ip string, client_port int, target_ip string, target_port int, request_processing_time double, target_processing_time double, response_processing_time double, elb_status_code int, target_status_code string, received_bytes bigint, sent_bytes bigint, request_verb string, request_url string, request_proto string, user_agent string, ssl_cipher string, ssl_protocol string, target_group_arn string, trace_id string, domain_name string, chosen_cert_arn string, matched_rule_priority string, request_creation_time string, actions_executed string, redirect_url string, lambda_error_reason string, target_port_list string, target_status_code_list string, classification string, classification_reason string, day string
SELECT * 
FROM alb_logs 
WHERE day = '2022/02/12'
