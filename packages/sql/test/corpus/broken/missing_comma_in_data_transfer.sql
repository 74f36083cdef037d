-- variant-of: real/cid/data_transfer_view.sql
-- class: syntax-missing-comma
-- mistake: the leading comma of the product_code line is missing: mismatched input 'line_item_product_code'.
-- expect: 12:3
-- message: syntax error: "line_item_product_code" cannot follow "product_servicename" here; is a comma missing before "line_item_product_code"? (two names in a row read as a value and its alias)
-- database: cid_data_export
-- columns: product_family string, product_servicecode string, product_servicename string, product_code string, usage_date timestamp, billing_period timestamp, payer_account_id string, linked_account_id string, product_name string, charge_type string, operation string, region string, usage_type string, from_location string, to_location string, from_location_type string, resource_id string, blended_rate string, unblended_rate string, public_ondemand_rate string, data_transfer_type string, tbs double, usage_quantity double, blended_cost double, unblended_cost double, public_cost double
SELECT
  product_product_family product_family
, product_servicecode
, product['servicename'] product_servicename
  line_item_product_code product_code
, line_item_usage_start_date usage_date
, bill_billing_period_start_date billing_period
, bill_payer_account_id payer_account_id
, line_item_usage_account_id linked_account_id
, product['product_name'] product_name
, line_item_line_item_type charge_type
, line_item_operation operation
, product['region'] region
, line_item_usage_type usage_type
, product_from_location from_location
, product_to_location to_location
, product_from_location_type from_location_type
, line_item_resource_id resource_id
, line_item_blended_rate blended_rate
, line_item_unblended_rate unblended_rate
, pricing_public_on_demand_rate public_ondemand_rate
, product['transfer_type'] data_transfer_type
, ("sum"((CASE WHEN (line_item_line_item_type = 'Usage') THEN line_item_usage_amount ELSE 0 END)) / 1024) TBs
, "sum"((CASE WHEN (line_item_line_item_type = 'Usage') THEN line_item_usage_amount ELSE 0 END)) usage_quantity
, "sum"(line_item_blended_cost) blended_cost
, "sum"(line_item_unblended_cost) unblended_cost
, "sum"(pricing_public_on_demand_cost) public_cost
FROM
  "cid_data_export"."cur2"
WHERE
   line_item_usage_type LIKE '%Bytes%'
   AND (line_item_usage_type LIKE '%In%' OR line_item_usage_type LIKE '%Out%' OR line_item_usage_type LIKE '%Regional%')
   AND (line_item_line_item_type = 'Usage' OR line_item_line_item_type LIKE '%Discount')
   AND cast(concat(billing_period, '-01') as timestamp) >= "date_trunc"('month', current_timestamp) - INTERVAL '2' MONTH
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21
