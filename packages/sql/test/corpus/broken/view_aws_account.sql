-- variant-of: real/cid/daily_anomaly_detection.sql
-- class: unknown-table
-- mistake: the CID view is aws_accounts: Table 'awsdatacatalog.cid_data_export.aws_account' does not exist.
-- expect: 17:11
-- message: unknown table or view "aws_account" (a name without a database is looked up in cid_data_export); did you mean "aws_accounts"?
-- database: cid_data_export
-- columns: line_item_usage_start_date timestamp, line_item_usage_account_id string, account_name string, product_product_name string, unblended_cost double, line_item_usage_amount double
SELECT
  "line_item_usage_start_date"
, "line_item_usage_account_id"
, "account_name"
, (CASE WHEN (product['product_name'] LIKE '') THEN "line_item_product_code" ELSE product['product_name'] END) "product_product_name"
, "round"("sum"("line_item_unblended_cost"), 2) "unblended_cost"
, "round"("sum"("line_item_usage_amount"), 2) "line_item_usage_amount"
FROM
  ("cid_data_export"."cur2"
LEFT JOIN aws_account ON ("line_item_usage_account_id" = "account_id"))
WHERE ("date_diff"('day', "date"("line_item_usage_start_date"), "date"("now"())) <= 110)
GROUP BY "line_item_usage_start_date", "line_item_usage_account_id", "account_name", 4
