-- source: https://github.com/aws-solutions-library-samples/cloud-intelligence-dashboards-framework/blob/9cecc158b81504344cf96b38d5918b6953b2e97d/dashboards/extended-support-cost-projection/extended-support-cost-projection.yaml
-- author: aws-solutions-library-samples/cloud-intelligence-dashboards-framework (Amazon Web Services)  licence: MIT-0
-- database: optimization_data
-- adapted: kept the SELECT of CREATE OR REPLACE VIEW; ${data_collection_database_name} -> optimization_data; "${cur2_database}"."${cur2_table_name}" -> "cid_data_export"."cur2"; ${cur_tags_json} -> ''
-- columns: billing_period timestamp, usage_date timestamp, payer_account_id string, linked_account_id string, region_code string, original_usage_type string, k8s_version string, item_description string, cluster_name string, resource_id string, usage_amount double, start_of_extended_support timestamp, is_extended_support string, extended_support_cost double, end_of_extended_support timestamp, is_out_of_extended_support string, tags_json string
WITH
  eks_k8s_release_calendar (k8s_version, start_of_extended_support, end_of_extended_support) AS (
   SELECT *
   FROM
     (
 VALUES
        ROW ('1.21', CAST('2023-02-17' AS timestamp), CAST('2024-07-15' AS timestamp))
      , ROW ('1.22', CAST('2023-06-05' AS timestamp), CAST('2024-09-01' AS timestamp))
      , ROW ('1.23', CAST('2023-10-12' AS timestamp), CAST('2024-10-11' AS timestamp))
      , ROW ('1.24', CAST('2024-02-01' AS timestamp), CAST('2025-01-31' AS timestamp))
      , ROW ('1.25', CAST('2024-05-02' AS timestamp), CAST('2025-05-01' AS timestamp))
      , ROW ('1.26', CAST('2024-06-12' AS timestamp), CAST('2025-06-11' AS timestamp))
      , ROW ('1.27', CAST('2024-07-25' AS timestamp), CAST('2025-07-24' AS timestamp))
      , ROW ('1.28', CAST('2024-11-27' AS timestamp), CAST('2025-11-26' AS timestamp))
      , ROW ('1.29', CAST('2025-03-24' AS timestamp), CAST('2026-03-23' AS timestamp))
      , ROW ('1.30', CAST('2025-07-24' AS timestamp), CAST('2026-07-23' AS timestamp))
      , ROW ('1.31', CAST('2025-11-27' AS timestamp), CAST('2026-11-26' AS timestamp))
      , ROW ('1.32', CAST('2026-03-24' AS timestamp), CAST('2027-03-23' AS timestamp))
      , ROW ('1.33', CAST('2026-07-30' AS timestamp), CAST('2027-07-29' AS timestamp))
      , ROW ('1.34', CAST('2026-12-03' AS timestamp), CAST('2027-12-02' AS timestamp))
      , ROW ('1.35', CAST('2027-03-28' AS timestamp), CAST('2028-03-27' AS timestamp))
   )
)
, preprocessed_eks_clusters_inventory (payer_id, accountid, region, cluster_arn, cluster_name, k8s_version, collection_date, max_collection_date) AS (
    SELECT DISTINCT
         payer_id
       , accountid
       , region
       , arn
       , name
       , version
       , CAST("concat"("year", '-', "month", '-', "day") AS date)
       , max(CAST("concat"("year", '-', "month", '-', "day") AS date)) over (order by name)
       FROM optimization_data.inventory_eks_data
       WHERE (CAST("concat"("year", '-', "month", '-', "day") AS date) >= ("date_trunc"('day', current_date) - INTERVAL  '15' DAY))
)
, eks_clusters_inventory (payer_id, accountid, region, cluster_arn, cluster_name, k8s_version) AS (
    SELECT DISTINCT
         payer_id
       , accountid
       , region
       , cluster_arn
       , cluster_name
       , k8s_version
       FROM preprocessed_eks_clusters_inventory
       WHERE collection_date = max_collection_date
)
, eks_clusters_usage (billing_period, usage_date, payer_account_id, linked_account_id, region_code, cluster_name, k8s_version, item_description, usage_unit, resource_id, original_usage_type, tags_json, usage_amount) AS (
   SELECT
     c.bill_billing_period_start_date
   , date_trunc('day', c.line_item_usage_start_date)
   , c.bill_payer_account_id payer_account_id
   , c.line_item_usage_account_id linked_account_id
   , c.product['region'] region_code
   , eksinv.cluster_name
   , eksinv.k8s_version
   , c.line_item_line_item_description item_description
   , c.pricing_unit
   , c.line_item_resource_id
   , c.line_item_usage_type
   , '' tags_json
   , sum(c.line_item_usage_amount)
   FROM
     ("cid_data_export"."cur2" c
   INNER JOIN eks_clusters_inventory eksinv ON ((c.bill_payer_account_id = eksinv.payer_id) AND (c.line_item_usage_account_id = eksinv.accountid) AND (c.product['region'] = eksinv.region) AND (c.line_item_resource_id = eksinv.cluster_arn)))
   WHERE (((c.bill_billing_period_start_date >= ("date_trunc"('month', current_timestamp) - INTERVAL  '4' MONTH)) AND (CAST(concat(c.billing_period, '-01') AS date) >= (date_trunc('month', current_date) - INTERVAL  '4' MONTH))) AND (c.product_servicecode = 'AmazonEKS') AND (c.line_item_line_item_type IN ('Usage')) AND ((c.product_product_family = 'Compute') AND (c.line_item_usage_type LIKE '%AmazonEKS-Hours:perCluster')))
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
)
SELECT
  ekscus.billing_period
, ekscus.usage_date
, ekscus.payer_account_id
, ekscus.linked_account_id
, ekscus.region_code
, ekscus.original_usage_type
, ekscus.k8s_version
, ekscus.item_description
, ekscus.cluster_name
, ekscus.resource_id
, ekscus.usage_amount
, rc.start_of_extended_support
, (CASE WHEN ((current_timestamp >= rc.start_of_extended_support) AND (current_timestamp < rc.end_of_extended_support)) THEN 'Y' ELSE 'N' END) is_extended_support
, (ekscus.usage_amount * 6E-1) extended_support_cost
, rc.end_of_extended_support
, (CASE WHEN (current_timestamp >= rc.end_of_extended_support) THEN 'Y' ELSE 'N' END) is_out_of_extended_support
, ekscus.tags_json
FROM
  (eks_clusters_usage ekscus
INNER JOIN eks_k8s_release_calendar rc ON (ekscus.k8s_version = rc.k8s_version))
