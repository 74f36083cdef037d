-- source: https://github.com/aws-solutions-library-samples/cloud-intelligence-dashboards-framework/blob/9cecc158b81504344cf96b38d5918b6953b2e97d/dashboards/sustainability-proxy-metrics/sustainability-proxy-metrics.yaml
-- author: aws-solutions-library-samples/cloud-intelligence-dashboards-framework (Amazon Web Services)  licence: MIT-0
-- database: cid_data_export
-- adapted: kept the SELECT of CREATE OR REPLACE VIEW; "${cur2_database}"."${cur2_table_name}" -> "cid_data_export"."cur2"; "${athena_database_name}" -> "cid_data_export"; ${tag} -> resource_tags['user_application']
-- columns: year string, month string, bill_payer_account_id string, billing_period timestamp, usage_date timestamp, payer_account_id string, linked_account_id string, resource_id string, product_code string, operation string, region string, charge_type string, pricing_unit string, resource_tags_user_application string, busskpitag string, busskpiacc string, tagbuskpi bigint, accbuskpi bigint, usage_quantity double, unblended_cost double, public_cost double
WITH
  TAG_KPI_PER_DAY AS (
   SELECT
     line_item_usage_start_date line_item_usage_start_date
   , tagvalue
   , "sum"(buss) busKpi
   FROM
     "cid_data_export".sus_buss_kpi
   GROUP BY line_item_usage_start_date, tagvalue
)
, ACC_KPI_PER_DAY AS (
   SELECT
     line_item_usage_start_date line_item_usage_start_date
   , linkedaccountvalue linkedaccountvalue
   , "sum"(buss) busKpi
   FROM
     "cid_data_export".sus_buss_kpi
   GROUP BY line_item_usage_start_date, linkedaccountvalue
)
SELECT DISTINCT
  split_part("billing_period", '-', 1) "year"
, split_part("billing_period", '-', 2) "month"
, cur.bill_payer_account_id
, cur.bill_billing_period_start_date "billing_period"
, cur.line_item_usage_start_date "usage_date"
, "bill_payer_account_id" "payer_account_id"
, "line_item_usage_account_id" "linked_account_id"
, "line_item_resource_id" "resource_id"
, "line_item_product_code" "product_code"
, "line_item_operation" "operation"
, product['region'] "region"
, "line_item_line_item_type" "charge_type"
, "pricing_unit" "pricing_unit"
, resource_tags['user_application'] resource_tags_user_application
, susTag.tagvalue bussKpiTag
, susAcc.linkedaccountvalue bussKpiAcc
, "sum"(susTag.busKpi) TagBusKpi
, "sum"(susAcc.busKpi) AccBusKpi
, "sum"((CASE WHEN ("line_item_line_item_type" = 'Usage') THEN "line_item_usage_amount" ELSE 0 END)) "usage_quantity"
, "sum"("line_item_unblended_cost") "unblended_cost"
, "sum"("pricing_public_on_demand_cost") "public_cost"
FROM
  (("cid_data_export"."cur2" cur
LEFT JOIN TAG_KPI_PER_DAY susTag ON ((cur.line_item_usage_start_date = susTag.line_item_usage_start_date) AND (resource_tags['user_application'] = susTag.tagValue)))
LEFT JOIN ACC_KPI_PER_DAY susAcc ON ((cur.line_item_usage_start_date = susAcc.line_item_usage_start_date) AND (cur.line_item_usage_account_id = susAcc.linkedaccountvalue)))
WHERE ((("line_item_operation" LIKE '%Storage%') AND (("line_item_product_code" LIKE '%AmazonGlacier%') OR ("line_item_product_code" LIKE '%AmazonS3%'))) AND ((cur.bill_billing_period_start_date >= (DATE_TRUNC('month', current_timestamp) - INTERVAL  '7' MONTH)) AND (CAST(CONCAT(cur.billing_period, '-01') AS date) >= (DATE_TRUNC('month', current_date) - INTERVAL  '7' MONTH))))
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
