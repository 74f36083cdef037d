-- source: https://github.com/aws-solutions-library-samples/cloud-intelligence-dashboards-framework/blob/9cecc158b81504344cf96b38d5918b6953b2e97d/dashboards/support-cases-radar/support-cases-radar.yaml
-- author: aws-solutions-library-samples/cloud-intelligence-dashboards-framework (Amazon Web Services)  licence: MIT-0
-- database: optimization_data
-- adapted: kept the SELECT of CREATE OR REPLACE VIEW; "${data_collection_database_name}" -> "optimization_data"
-- columns: case_id string, submitted_by string, submitted_by_full string, communicationclass string, communicationorigin string, communication_sequence bigint, body string, communication_time timestamp, communication_endtime timestamp, communication_lag bigint, payer_id string, account_id string, account_alias string, display_id string, caseid string, case_created_time timestamp, url string, subject string, status string, correspondencemethod string, service_code string, category_code string, severity_code string, case_submitted_by string, case_submitted_by_full string, case_submitted_by_first string, cc_email_addresses string, language string, summary string, executive_summary string, proposed_solutions string, actions string, references string, feedback string
WITH
  communications AS (
   SELECT
     "caseid" "case_id"
   , COALESCE(NULLIF(REGEXP_EXTRACT("submittedby", '(?:[^/]+/)([a-zA-Z0-9._%+-]+(?:@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,})?)\s*(?:\(Role\))(?:\s*<([a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,})>)?', 1), ''), NULLIF(REGEXP_EXTRACT(communications."body", '_.*by ([a-zA-Z0-9._%+-]+) \(in Slack\)_', 1), ''), "submittedby") "submitted_by"
   , "submittedby" "submitted_by_full"
   , CAST(null AS VARCHAR) "communicationClass"
   , CAST(null AS VARCHAR) "communicationOrigin"
   , RANK() OVER (PARTITION BY "caseid" ORDER BY "timecreated" ASC) "communication_sequence"
   , "body"
   , TRY(CAST(from_iso8601_timestamp("timecreated") AS timestamp)) "communication_time"
   FROM
     "optimization_data".support_cases_communications "communications"
)
, cases AS (
   SELECT
     cases."payer_id"
   , cases."account_id"
   , cases."accountalias" "account_alias"
   , cases."displayid" "display_id"
   , cases."caseid" "caseid"
   , TRY(CAST(from_iso8601_timestamp(cases."timecreated") AS timestamp)) "case_created_time"
   , CONCAT('https://support.console.aws.amazon.com/support/home#/case/?displayId=', cases."displayid") "url"
   , cases."subject"
   , cases."status"
   , CAST(null AS VARCHAR) "correspondencemethod"
   , cases."servicecode" "service_code"
   , cases."categorycode" "category_code"
   , cases."severitycode" "severity_code"
   , COALESCE(NULLIF(REGEXP_EXTRACT(cases."submittedby", '(?:[^/]+/)([a-zA-Z0-9._%+-]+(?:@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,})?)\s*(?:\(Role\))(?:\s*<([a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,})>)?', 1), ''), NULLIF(REGEXP_EXTRACT(communications."body", '_.*by ([a-zA-Z0-9._%+-]+) \(in Slack\)_', 1), ''), cases."submittedby") "case_submitted_by"
   , cases."submittedby" "case_submitted_by_full"
   , communications."submitted_by_full" "case_submitted_by_first"
   , TRY(ARRAY_JOIN(cases."ccemailaddresses", ',')) "cc_email_addresses"
   , cases."language"
   , cases."summary"
   , json_extract_scalar(cases."summary", '$.executive_summary') "executive_summary"
   , json_extract_scalar(cases."summary", '$.proposed_solutions') "proposed_solutions"
   , json_extract_scalar(cases."summary", '$.actions') "actions"
   , json_extract_scalar(cases."summary", '$.references') "references"
   , json_extract_scalar(cases."summary", '$.feedback') "feedback"
   FROM
     ("optimization_data".support_cases_data "cases"
   LEFT JOIN "communications" ON (("cases"."caseid" = "communications"."case_id") AND ("communication_sequence" = 1)))
)
SELECT
  communications.*
, COALESCE(
    LEAD(communications."communication_time", 1) OVER (
      PARTITION BY communications."case_id"
      ORDER BY communications."communication_time" ASC
    ),
    communications."communication_time"
  ) "communication_endtime"
, DATE_DIFF('minute', LAG(communications."communication_time", 1) OVER (PARTITION BY communications."case_id" ORDER BY communications."communication_time" ASC), communications."communication_time") "communication_lag"
, cases.*
FROM
  (communications
LEFT JOIN cases ON (cases."caseid" = communications."case_id"))
ORDER BY cases."case_created_time" ASC, communications."communication_sequence" ASC
