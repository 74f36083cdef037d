-- variant-of: real/cid/hourly_view.sql
-- class: foreign-function
-- mistake: nvl is Oracle/Spark; Athena has coalesce: Function 'nvl' not registered.
-- expect: 34:11
-- message: nvl is a Hive/Spark/Oracle function that Athena (engine v3, Trino) does not have; write coalesce(a, b)
-- database: cid_data_export
-- columns: product_code string, service string, tags_json string, operation string, charge_type string, usage_type string, item_description string, pricing_unit string, region string, pricing_term string, billing_period timestamp, usage_date timestamp, payer_account_id string, linked_account_id string, savings_plan_a_r_n string, reservation_a_r_n string, unblended_cost double, reservation_effective_cost double, savings_plan_effective_cost double, usage_quantity double
SELECT DISTINCT
      "line_item_product_code" "product_code"
    , "product_servicecode" "service"
    , '' tags_json --replace with ''
    , "line_item_operation" "operation"
    , "line_item_line_item_type" "charge_type"
    , "line_item_usage_type" "usage_type"
    , "line_item_line_item_description" "item_description"
    , "pricing_unit" "pricing_unit"
    , product['region'] "region"
    , "pricing_term" "pricing_term"
    , "bill_billing_period_start_date" "billing_period"
    , "line_item_usage_start_date" "usage_date"
    , "bill_payer_account_id" "payer_account_id"
    , "line_item_usage_account_id" "linked_account_id"
    , "savings_plan_savings_plan_a_r_n" "savings_plan_a_r_n"
    , "reservation_reservation_a_r_n" "reservation_a_r_n"
    , "sum"("line_item_unblended_cost") "unblended_cost"
    , "sum"("reservation_effective_cost") "reservation_effective_cost"
    , "sum"("savings_plan_savings_plan_effective_cost") "savings_plan_effective_cost"
    , "sum"("line_item_usage_amount") "usage_quantity"
    FROM
      "cid_data_export"."cur2"
    WHERE
      (((current_date - INTERVAL  '30' DAY) <= line_item_usage_start_date)
      AND ((("line_item_line_item_type" = 'Usage') OR ("line_item_line_item_type" = 'SavingsPlanCoveredUsage')) OR ("line_item_line_item_type" = 'DiscountedUsage'))
      AND nvl("line_item_operation", '') NOT IN ('EKSPod-EC2','ECSTask-EC2'))
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
