-- variant-of: real/cid/sus_network.sql
-- class: ambiguous-column
-- mistake: cur, susTag and susAcc all have line_item_usage_start_date: Column 'line_item_usage_start_date' is ambiguous.
-- expect: 30:3
-- message: column "line_item_usage_start_date" is ambiguous: it is in cid_data_export.cur2 (as cur) and tag_kpi_per_day (as sustag) and acc_kpi_per_day (as susacc); qualify it, e.g. "cur.line_item_usage_start_date"
-- database: cid_data_export
-- columns: bill_payer_account_id string, line_item_usage_account_id string, line_item_usage_start_date timestamp, line_item_product_code string, line_item_line_item_type string, line_item_operation string, line_item_usage_type string, product_product_name string, product_region string, product_from_location string, product_to_location string, resource_tags_user_application string, line_item_line_item_description string, usage_amount_in_tb double, cost double, tagbuskpi bigint, accbuskpi bigint
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
SELECT
  bill_payer_account_id
, line_item_usage_account_id
, line_item_usage_start_date
, line_item_product_code
, line_item_line_item_type
, line_item_operation
, line_item_usage_type
, product['product_name'] product_product_name
, product['region'] product_region
, product_from_location
, product_to_location
, resource_tags['user_application'] resource_tags_user_application
, line_item_line_item_description
, "sum"((line_item_usage_amount / 1024)) usage_amount_in_tb
, "sum"(line_item_unblended_cost) cost
, "sum"(susTag.busKpi) TagBusKpi
, "sum"(susAcc.busKpi) AccBusKpi
FROM
  (("cid_data_export"."cur2" cur
LEFT JOIN TAG_KPI_PER_DAY susTag ON ((cur.line_item_usage_start_date = susTag.line_item_usage_start_date) AND (resource_tags['user_application'] = susTag.tagValue)))
LEFT JOIN ACC_KPI_PER_DAY susAcc ON ((cur.line_item_usage_start_date = susAcc.line_item_usage_start_date) AND (cur.line_item_usage_account_id = susAcc.linkedaccountvalue)))
WHERE ((((line_item_line_item_type = 'Usage') AND (NOT (line_item_usage_amount = 0))) AND (((line_item_usage_type LIKE '%Bytes') AND ((((line_item_usage_type LIKE '%In%') OR (line_item_usage_type LIKE '%Out%')) OR (line_item_usage_type LIKE 'Nat%')) OR (line_item_usage_type LIKE '%Regional%'))) AND ((product_from_location = '') OR (product_from_location LIKE '%(%')))) AND ((cur.bill_billing_period_start_date >= (DATE_TRUNC('month', current_timestamp) - INTERVAL  '7' MONTH)) AND (CAST(CONCAT(cur.billing_period, '-01') AS date) >= (DATE_TRUNC('month', current_date) - INTERVAL  '7' MONTH))))
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13
