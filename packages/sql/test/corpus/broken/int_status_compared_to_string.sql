-- variant-of: real/alb/server_errors.sql
-- class: operator-types
-- mistake: elb_status_code is an int compared with the string '500': Cannot apply operator: integer >= varchar(3).
-- expect: 9:23
-- message: cannot apply operator: integer >= varchar(3); Athena never converts between these types implicitly: e.g. elb_status_code >= 500
-- database: default
-- columns: type string, time string, elb string, client_ip string, client_port int, target_ip string, target_port int, request_processing_time double, target_processing_time double, response_processing_time double, elb_status_code int, target_status_code string, received_bytes bigint, sent_bytes bigint, request_verb string, request_url string, request_proto string, user_agent string, ssl_cipher string, ssl_protocol string, target_group_arn string, trace_id string, domain_name string, chosen_cert_arn string, matched_rule_priority string, request_creation_time string, actions_executed string, redirect_url string, lambda_error_reason string, target_port_list string, target_status_code_list string, classification string, classification_reason string, day string
SELECT * FROM alb_logs
WHERE elb_status_code >= '500'
