-- source: https://github.com/aws-solutions-library-samples/cloud-intelligence-dashboards-framework/blob/9cecc158b81504344cf96b38d5918b6953b2e97d/dashboards/sustainability-proxy-metrics/sustainability-proxy-metrics.yaml
-- author: aws-solutions-library-samples/cloud-intelligence-dashboards-framework (Amazon Web Services)  licence: MIT-0
-- database: cid_data_export
-- adapted: kept the SELECT of CREATE OR REPLACE VIEW; "${cur2_database}"."${cur2_table_name}" -> "cid_data_export"."cur2"; ${tag} -> resource_tags['user_application']
-- columns: tagvalue string, linkedaccountvalue string, line_item_usage_start_date timestamp, buss int
SELECT
  resource_tags['user_application'] tagValue
, line_item_usage_account_id linkedAccountValue
, line_item_usage_start_date
, CAST(("random"() * 1000) AS int) buss
FROM
  "cid_data_export"."cur2" cur
GROUP BY line_item_usage_start_date, line_item_usage_account_id, 1
