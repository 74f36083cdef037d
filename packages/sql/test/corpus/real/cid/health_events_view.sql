-- source: https://github.com/aws-solutions-library-samples/cloud-intelligence-dashboards-framework/blob/9cecc158b81504344cf96b38d5918b6953b2e97d/dashboards/health-events/health-events.yaml
-- author: aws-solutions-library-samples/cloud-intelligence-dashboards-framework (Amazon Web Services)  licence: MIT-0
-- database: optimization_data
-- adapted: kept the SELECT of CREATE OR REPLACE VIEW; "${data_collection_database_name}" -> "optimization_data"
-- columns: payer_account_id string, account_id string, event_code string, event_category string, event_scope string, status_code string, service string, region string, event_description1 string, event_description2 string, event_description3 string, event_description4 string, event_description5 string, is_alt_language int, affected_entity_value string, affected_entity_arn string, affected_entity_status_code string, affected_entity_last_update timestamp, affected_entity_url string, availability_zone string, deprecated_versions string, tags string, start_time timestamp, end_time timestamp, last_updated_time timestamp, ingestion_time timestamp, event_metadata string, event_source string, event_arn string, event_arn_hash string, event_code_common string, personas array<string>, persona_01 string, persona_02 string, persona_03 string, persona_04 string, actionability string, first_event_updated_time_in_collection timestamp, first_resource_updated_time_in_collection timestamp, duration_hours bigint, qs_refresh timestamp
WITH
  "core" AS (
   SELECT
     "payer_account_id"
   , "account_id"
   , "event_code"
   , "event_category"
   , "event_scope"
   , "status_code"
   , "service"
   , "region"
   , substr(replace("event_description", chr(10), '\n'), 1, 2000) "event_description1"
   , substr(replace("event_description", chr(10), '\n'), 2001, 2000) "event_description2"
   , substr(replace("event_description", chr(10), '\n'), 4001, 2000) "event_description3"
   , substr(replace("event_description", chr(10), '\n'), 6001, 2000) "event_description4"
   , substr(replace("event_description", chr(10), '\n'), 8001) "event_description5"
   , (CASE WHEN starts_with("event_description", 'English follows') THEN 1 ELSE 0 END) "is_alt_language"
   , "affected_entity_value"
   , "affected_entity_arn"
   , "affected_entity_status_code"
   , TRY(CAST(from_iso8601_timestamp("affected_entity_last_update") AS timestamp)) "affected_entity_last_update"
   , "affected_entity_url"
   , "availability_zone"
   , trim(BOTH FROM COALESCE("deprecated_versions", '')) "deprecated_versions"
   , "tags"
   , TRY(CAST(from_iso8601_timestamp("start_time") AS timestamp)) "start_time"
   , TRY(CAST(from_iso8601_timestamp("end_time") AS timestamp)) "end_time"
   , TRY(CAST(from_iso8601_timestamp("last_updated_time") AS timestamp)) "last_updated_time"
   , TRY(CAST(from_iso8601_timestamp("ingestion_time") AS timestamp)) "ingestion_time"
   , "event_metadata"
   , "event_source"
   , "event_arn"
   , substr(to_base64(md5(CAST("event_arn" AS varbinary))), 1, 12) "event_arn_hash"
   , array_join(transform(split(replace("event_code", concat('AWS_', service, '_'), ''), '_'), (x) -> concat(upper(substr(x, 1, 1)), lower(substr(x, 2, length(x))))), ' ', '') "event_code_common"
   , "personas"
   , TRY(json_extract_scalar(json_format(CAST("personas" AS JSON)), '$[0]')) AS "persona_01"
   , TRY(json_extract_scalar(json_format(CAST("personas" AS JSON)), '$[1]')) AS "persona_02"
   , TRY(json_extract_scalar(json_format(CAST("personas" AS JSON)), '$[2]')) AS "persona_03"
   , TRY(json_extract_scalar(json_format(CAST("personas" AS JSON)), '$[3]')) AS "persona_04"
   , array_join(transform(split(replace("actionability", '_', ' '), ' '), (x) -> concat(upper(substr(x, 1, 1)), lower(substr(x, 2, length(x))))), ' ', '') "actionability"
   FROM
     "optimization_data"."health_events_detail_data"
)
, "hed_latest" AS (
   SELECT
     "core".*
   , "first_event_updated_time_in_collection"
   , "first_resource_updated_time_in_collection"
   FROM
     ((("core"
   INNER JOIN (
      SELECT
        "payer_account_id"
      , "event_arn"
      , max("ingestion_time") "ingestion_time"
      FROM
        "core"
      GROUP BY 1, 2
   )  "latest" ON (("core"."payer_account_id" = "latest"."payer_account_id") AND ("core"."event_arn" = "latest"."event_arn") AND ("core"."ingestion_time" = "latest"."ingestion_time")))
   INNER JOIN (
      SELECT
        "payer_account_id"
      , "event_arn"
      , min("last_updated_time") "first_event_updated_time_in_collection"
      FROM
        "core"
      GROUP BY 1, 2
   )  "first" ON (("core"."payer_account_id" = "first"."payer_account_id") AND ("core"."event_arn" = "first"."event_arn")))
   INNER JOIN (
      SELECT
        "payer_account_id"
      , "event_arn"
      , "affected_entity_arn"
      , min("affected_entity_last_update") "first_resource_updated_time_in_collection"
      FROM
        "core"
      GROUP BY 1, 2, 3
   )  "first_res" ON (("core"."payer_account_id" = "first_res"."payer_account_id") AND ("core"."event_arn" = "first_res"."event_arn") AND ("core"."affected_entity_arn" = "first_res"."affected_entity_arn")))
)
SELECT
  "hed_latest".*
, date_diff('hour', "start_time", "end_time") "duration_hours"
, CAST(current_timestamp AS timestamp) "qs_refresh"
FROM
  "hed_latest"
WHERE ("ingestion_time" >= ("date_trunc"('day', current_timestamp) - INTERVAL  '120' DAY))
