-- variant-of: real/cid/sus_compute_split.sql
-- class: set-operation
-- mistake: the third UNION ALL branch selects 7 columns instead of 8: UNION ALL query has different number of fields: 8, 7.
-- expect: 57:1
-- message: the queries of UNION ALL select different numbers of columns (8 and 7); each must select the same columns in the same order
-- database: cid_data_export
-- columns: bill_payer_account_id string, line_item_usage_account_id string, line_item_usage_start_date timestamp, resource_tags_user_application string, line_item_product_code string, vcpu_hours double, tag_business_metric bigint, account_business_metric bigint
WITH
  tag_business_metrics AS (
   SELECT
     line_item_usage_start_date
   , tagvalue
   , SUM(buss) business_metric
   FROM
     "cid_data_export".sus_buss_kpi
   GROUP BY line_item_usage_start_date, tagvalue
)
, acc_business_metrics AS (
   SELECT
     line_item_usage_start_date
   , linkedaccountvalue
   , SUM(buss) business_metric
   FROM
     "cid_data_export".sus_buss_kpi
   GROUP BY line_item_usage_start_date, linkedaccountvalue
)
SELECT
  cur.bill_payer_account_id
, cur.line_item_usage_account_id
, cur.line_item_usage_start_date
, resource_tags['user_application'] resource_tags_user_application
, cur.line_item_product_code
, SUM(cur.line_item_usage_amount) vcpu_hours
, SUM(susTag.business_metric) tag_business_metric
, SUM(susAcc.business_metric) account_business_metric
FROM
  (("cid_data_export"."cur2" cur
LEFT JOIN tag_business_metrics susTag ON ((cur.line_item_usage_start_date = susTag.line_item_usage_start_date) AND (resource_tags['user_application'] = susTag.tagValue)))
LEFT JOIN acc_business_metrics susAcc ON ((cur.line_item_usage_start_date = susAcc.line_item_usage_start_date) AND (cur.line_item_usage_account_id = susAcc.linkedaccountvalue)))
WHERE (((cur.line_item_usage_type LIKE '%Fargate-vCPU-Hours:perCPU') AND (cur.line_item_product_code IN ('AmazonEKS', 'AmazonECS')) AND (cur.line_item_line_item_type IN ('Usage', 'SavingsPlanCoveredUsage'))) AND ((cur.bill_billing_period_start_date >= (DATE_TRUNC('month', current_timestamp) - INTERVAL  '7' MONTH)) AND (CAST(CONCAT(cur.billing_period, '-01') AS date) >= (DATE_TRUNC('month', current_date) - INTERVAL  '7' MONTH))))
GROUP BY 1, 2, 3, 4, 5
UNION ALL SELECT
  cur.bill_payer_account_id
, cur.line_item_usage_account_id
, cur.line_item_usage_start_date
, resource_tags['user_application'] resource_tags_user_application
, cur.line_item_product_code
, SUM(((cur.line_item_usage_amount / 1769) / 3600)) vcpu_hours
, SUM(susTag.buss) tag_business_metric
, SUM(susAcc.buss) account_business_metric
FROM
  (("cid_data_export"."cur2" cur
LEFT JOIN "cid_data_export".sus_buss_kpi susTag ON ((cur.line_item_usage_start_date = susTag.line_item_usage_start_date) AND (resource_tags['user_application'] = susTag.tagValue)))
LEFT JOIN "cid_data_export".sus_buss_kpi susAcc ON ((cur.line_item_usage_start_date = susAcc.line_item_usage_start_date) AND (cur.line_item_usage_account_id = susAcc.linkedaccountvalue)))
WHERE (((cur.line_item_product_code = 'AWSLambda') AND (cur.line_item_usage_type LIKE '%Lambda-GB-Second') AND (cur.line_item_line_item_type IN ('Usage', 'SavingsPlanCoveredUsage'))) AND ((cur.bill_billing_period_start_date >= (DATE_TRUNC('month', current_timestamp) - INTERVAL  '7' MONTH)) AND (CAST(CONCAT(cur.billing_period, '-01') AS date) >= (DATE_TRUNC('month', current_date) - INTERVAL  '7' MONTH))))
GROUP BY 1, 2, 3, 4, 5
UNION ALL SELECT
  ec2.bill_payer_account_id
, ec2.line_item_usage_account_id
, ec2.line_item_usage_start_date
, ec2.resource_tags_user_application
, ec2.line_item_product_code
, ec2.vcpu_hours
, ec2.tag_business_metric
FROM
  "cid_data_export".sus_compute_ec2 ec2
