-- variant-of: real/cid/sus_idle_elb.sql
-- class: return-type
-- mistake: round(decimal(16,8), 2) is decimal(17,8) in Trino but the column is declared decimal(16,8); Athena calls the view stale.
-- expect: 38:3
-- message: column "sum_line_item_unblended_cost" is declared as decimal(16,8) (decimal(16,8) in Athena) but the SELECT produces decimal(17,8); Athena would report the view as stale: declare it as decimal(17,8), or CAST the expression to decimal(16,8)
-- database: cid_data_export
-- columns: bill_payer_account_id string, bill_billing_period_start_date timestamp, line_item_usage_account_id string, split_line_item_resource_id string, product_region string, pricing_unit string, sum_line_item_usage_amount double, resource_tags_user_application string, tagbuskpi bigint, accbuskpi bigint, sum_line_item_unblended_cost decimal(16,8)
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
, bill_billing_period_start_date
, line_item_usage_account_id
, "split_part"(line_item_resource_id, ':', 6) split_line_item_resource_id
, product_region product_region
, pricing_unit
, sum_line_item_usage_amount
, resource_tags_user_application
, TagBusKpi
, AccBusKpi
, round(CAST(cost_per_resource AS decimal(16, 8)), 2) sum_line_item_unblended_cost
FROM
  (
   SELECT
     line_item_resource_id
   , bill_billing_period_start_date
   , product['region'] product_region
   , pricing_unit
   , line_item_usage_account_id
   , bill_payer_account_id
   , resource_tags['user_application'] resource_tags_user_application
   , "sum"(line_item_usage_amount) sum_line_item_usage_amount
   , "sum"("sum"(line_item_unblended_cost)) OVER (PARTITION BY line_item_resource_id) cost_per_resource
   , "sum"("sum"(line_item_usage_amount)) OVER (PARTITION BY line_item_resource_id, pricing_unit) usage_per_resource_and_pricing_unit
   , "sum"(susTag.busKpi) TagBusKpi
   , "sum"(susAcc.busKpi) AccBusKpi
   , "count"(pricing_unit) OVER (PARTITION BY line_item_resource_id, bill_billing_period_start_date) pricing_unit_per_resource
   FROM
     (("cid_data_export"."cur2" cur
   LEFT JOIN TAG_KPI_PER_DAY susTag ON ((cur.line_item_usage_start_date = susTag.line_item_usage_start_date) AND (resource_tags['user_application'] = susTag.tagValue)))
   LEFT JOIN ACC_KPI_PER_DAY susAcc ON ((cur.line_item_usage_start_date = susAcc.line_item_usage_start_date) AND (cur.line_item_usage_account_id = susAcc.linkedaccountvalue)))
   WHERE (((line_item_product_code = 'AWSELB') AND (("bill_billing_period_start_date" >= ("date_trunc"('month', current_timestamp) - INTERVAL  '7' MONTH)) AND (CAST("concat"(billing_period, '-01') AS date) >= ("date_trunc"('month', current_date) - INTERVAL  '7' MONTH)))) AND (line_item_line_item_type = 'Usage'))
   GROUP BY line_item_resource_id, bill_billing_period_start_date, product['region'], pricing_unit, line_item_usage_account_id, bill_payer_account_id, 7
)
WHERE ((usage_per_resource_and_pricing_unit > 336) AND (pricing_unit_per_resource = 1))
