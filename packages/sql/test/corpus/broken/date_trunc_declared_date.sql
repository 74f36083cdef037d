-- variant-of: real/cid/compute_savings_plan_eligible_spend.sql
-- class: return-type
-- mistake: date_trunc('hour', timestamp) stays a timestamp but usage_date is declared date; Athena calls the view stale.
-- expect: 15:4
-- message: column "usage_date" is declared as date (date in Athena) but the SELECT produces timestamp(3); Athena would report the view as stale: declare it as timestamp, or CAST the expression to date
-- database: cid_data_export
-- columns: year string, month string, tags_json string, payer_account_id string, linked_account_id string, billing_period timestamp, usage_date date, unblended_cost double
SELECT DISTINCT
   split_part("billing_period", '-', 1) "year"
 , split_part("billing_period", '-', 2) "month"
 , '' tags_json --replace with
 , "bill_payer_account_id" "payer_account_id"
 , "line_item_usage_account_id" "linked_account_id"
 , "bill_billing_period_start_date" "billing_period"
 , "date_trunc"('hour', "line_item_usage_start_date") "usage_date"
 , "sum"("line_item_unblended_cost") "unblended_cost"
 FROM
    "cid_data_export"."cur2"
WHERE (
    "bill_billing_period_start_date" >= ("date_trunc"('month', current_timestamp) - INTERVAL '1' MONTH)
    AND "line_item_usage_start_date" < ("date_trunc"('day', current_timestamp) - INTERVAL '1' DAY)
    AND "line_item_line_item_type" = 'Usage'
    AND "product_servicecode" <> 'AWSDataTransfer'
    AND "line_item_usage_type" NOT LIKE '%Spot%'
    AND "line_item_usage_type" NOT LIKE '%DataXfer%'
    AND (
           ("line_item_product_code" = 'AmazonEC2' AND "line_item_operation" LIKE '%RunInstances%')
        OR ("line_item_product_code" = 'AWSLambda' AND ("line_item_usage_type" LIKE '%Lambda-GB-Second%' 
                                                     OR "line_item_usage_type" LIKE '%Lambda-Provisioned-GB-Second%' 
                                                     OR "line_item_usage_type" LIKE '%Lambda-Provisioned-Concurrency%')
        )
        OR "line_item_usage_type" LIKE '%Fargate%'
    )
)
 GROUP BY 1, 2, 3, 4, 5, 6, 7
