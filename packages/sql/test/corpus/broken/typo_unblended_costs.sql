-- variant-of: real/cid/resource_view.sql
-- class: unknown-column
-- mistake: line_item_unblended_costs is a typo of line_item_unblended_cost: Column 'line_item_unblended_costs' cannot be resolved.
-- expect: 42:15
-- message: column "line_item_unblended_costs" is not in cid_data_export.cur2 (columns: bill_bill_type, bill_billing_entity, bill_billing_period_end_date, bill_billing_period_start_date, bill_invoice_id, bill_payer_account_id, bill_payer_account_name, cost_category, discount, discount_bundled_discount, discount_total_discount, identity_line_item_id, identity_time_interval, line_item_availability_zone, line_item_legal_entity, line_item_line_item_description, line_item_line_item_type, line_item_operation, line_item_product_code, line_item_resource_id, line_item_iam_principal, line_item_net_unblended_cost, line_item_net_unblended_rate, line_item_unblended_cost, line_item_unblended_rate, line_item_usage_account_id, line_item_usage_account_name, line_item_usage_amount, line_item_usage_end_date, line_item_usage_start_date, … (64 more)); did you mean "line_item_unblended_cost"?
-- database: cid_data_export
-- columns: usage_date timestamp, payer_account_id string, tags_json string, linked_account_id string, billing_entity string, product_name string, resource_id string, product_code string, operation string, charge_type string, usage_type string, pricing_unit string, region string, item_description string, legal_entity string, pricing_term string, database_engine string, product_deployment_option string, product_from_location string, product_group string, instance_type string, instance_type_family string, platform string, product_family string, service string, product_storage string, product_to_location string, product_volume_api_name string, reservation_a_r_n string, savings_plan_a_r_n string, savings_plan_effective_cost double, reservation_effective_cost double, usage_quantity double, unblended_cost double
SELECT DISTINCT
        "date_trunc"('day', "line_item_usage_start_date") "usage_date"
      , "bill_payer_account_id" "payer_account_id"
      , '' tags_json --replace with ''
      , "line_item_usage_account_id" "linked_account_id"
      , "bill_billing_entity" "billing_entity"
      , product['product_name'] "product_name"
      , "line_item_resource_id" "resource_id"
      , "line_item_product_code" "product_code"
      , "line_item_operation" "operation"
      , "line_item_line_item_type" "charge_type"
      , "line_item_usage_type" "usage_type"
      , "pricing_unit" "pricing_unit"
      , product['region'] "region"
      , "line_item_line_item_description" "item_description"
      , "line_item_legal_entity" "legal_entity"
      , "pricing_term" "pricing_term"
      , product['database_engine'] "database_engine"
      , product['deployment_option'] "product_deployment_option"
      , "product_from_location" "product_from_location"
      , product['group'] "product_group"
      , "product_instance_type" "instance_type"
      , product['instance_type_family'] "instance_type_family"
      , product['operating_system'] "platform"
      , "product_product_family" "product_family"
      , "product_servicecode" "service"
      , product['storage'] "product_storage"
      , "product_to_location" "product_to_location"
      , product['volume_api_name'] "product_volume_api_name"
      , "reservation_reservation_a_r_n" "reservation_a_r_n"
      , "savings_plan_savings_plan_a_r_n" "savings_plan_a_r_n"
      , "sum"("savings_plan_savings_plan_effective_cost") "savings_plan_effective_cost"
      , "sum"("reservation_effective_cost") "reservation_effective_cost"
      , "sum"("line_item_usage_amount") "usage_quantity"
      , "sum"("line_item_unblended_costs") "unblended_cost"
      FROM
        "cid_data_export"."cur2"
      WHERE
        (((current_date - INTERVAL  '30' DAY) <= line_item_usage_start_date)
        AND (line_item_resource_id <> '')
        AND coalesce("line_item_operation", '') NOT IN ('EKSPod-EC2','ECSTask-EC2'))
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30
