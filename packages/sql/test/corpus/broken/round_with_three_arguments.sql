-- variant-of: real/cid/daily_anomaly_detection.sql
-- class: arity
-- mistake: round takes one or two arguments: Unexpected parameters (double, integer, integer) for function round.
-- expect: 13:3
-- message: round takes 1 or 2 arguments, not 3: round(tinyint) → tinyint, round(smallint) → smallint, round(integer) → integer, round(bigint) → bigint, round(double) → double, round(real) → real, round(decimal(p,s)) → decimal(min(38,p-s+min(1,s)),0), round(tinyint, integer) → tinyint, … (6 more)
-- database: cid_data_export
-- columns: line_item_usage_start_date timestamp, line_item_usage_account_id string, account_name string, product_product_name string, unblended_cost double, line_item_usage_amount double
SELECT
  "line_item_usage_start_date"
, "line_item_usage_account_id"
, "account_name"
, (CASE WHEN (product['product_name'] LIKE '') THEN "line_item_product_code" ELSE product['product_name'] END) "product_product_name"
, "round"("sum"("line_item_unblended_cost"), 2, 1) "unblended_cost"
, "round"("sum"("line_item_usage_amount"), 2) "line_item_usage_amount"
FROM
  ("cid_data_export"."cur2"
LEFT JOIN aws_accounts ON ("line_item_usage_account_id" = "account_id"))
WHERE ("date_diff"('day', "date"("line_item_usage_start_date"), "date"("now"())) <= 110)
GROUP BY "line_item_usage_start_date", "line_item_usage_account_id", "account_name", 4
