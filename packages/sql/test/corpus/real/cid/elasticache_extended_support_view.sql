-- source: https://github.com/aws-solutions-library-samples/cloud-intelligence-dashboards-framework/blob/9cecc158b81504344cf96b38d5918b6953b2e97d/dashboards/extended-support-cost-projection/extended-support-cost-projection.yaml
-- author: aws-solutions-library-samples/cloud-intelligence-dashboards-framework (Amazon Web Services)  licence: MIT-0
-- database: optimization_data
-- adapted: kept the SELECT of CREATE OR REPLACE VIEW; ${data_collection_database_name} -> optimization_data; "${cur2_database}"."${cur2_table_name}" -> "cid_data_export"."cur2"; ${cur_tags_json} -> ''
-- columns: billing_period timestamp, usage_date timestamp, payer_account_id string, linked_account_id string, engine string, region_code string, engineversion string, instance_type string, item_description string, cacheclusterid string, resource_id string, original_usage_type string, on_demand_rate_per_unit double, usage_amount double, year_1_start timestamp, is_year_1_2 string, year_3_start timestamp, is_year_3 string, end_of_extended_support timestamp, is_unsupported string, year_1_2_cost double, ext_sup_year_1_2_price double, year_3_cost double, ext_sup_year_3_price double, tags_json string
WITH
  engine_release_calendar (engineversion, year_1_start, year_3_start, end_of_extended_support) AS (
   SELECT *
   FROM
     (
 VALUES
        ROW ('redis OSS v4', CAST('2026-02-01' AS timestamp), CAST('2028-02-01' AS timestamp), CAST('2029-01-31' AS timestamp))
      , ROW ('redis OSS v5', CAST('2026-02-01' AS timestamp), CAST('2028-02-01' AS timestamp), CAST('2029-01-31' AS timestamp))
      , ROW ('redis OSS v6', CAST('2027-02-01' AS timestamp), CAST('2029-02-01' AS timestamp), CAST('2030-01-31' AS timestamp))
   )
)
, preprocessed_elasticache_clusters (payer_id, accountid, region, cacheclusterid, engine, engineversion, collection_date, max_collection_date) AS (
   SELECT DISTINCT
      payer_id
    , accountid
    , region
    , cacheclusterid
    , engine
    , engineversion
    , CAST("concat"("year", '-', "month", '-', "day") AS date)
    , max(CAST("concat"("year", '-', "month", '-', "day") AS date)) OVER (ORDER BY cacheclusterid ASC)
    FROM optimization_data.inventory_elasticache_clusters_data
    WHERE (CAST("concat"("year", '-', "month", '-', "day") AS date) >= ("date_trunc"('day', current_date) - INTERVAL  '30' DAY))
)
, sanitised_elasticache_clusters (payer_id, accountid, region, cacheclusterid, engine, engineversion) AS (
   SELECT DISTINCT
     payer_id
   , accountid
   , region
   , cacheclusterid
   , engine
   , engineversion
   FROM
     preprocessed_elasticache_clusters
   WHERE (collection_date = max_collection_date)
)
, elasticache_resources (billing_period, usage_date, payer_account_id, linked_account_id, region_code, engine, engineversion, instance_type, item_description, cacheclusterid, resource_id, original_usage_type, on_demand_rate_per_unit, tags_json, usage_amount, ext_sup_year_1_2_price, ext_sup_year_3_price) AS (
   SELECT
     c.bill_billing_period_start_date billing_period
   , date_trunc('day', c.line_item_usage_start_date) usage_date
   , c.bill_payer_account_id payer_account_id
   , c.line_item_usage_account_id linked_account_id
   , c.product['region'] region_code
   , engine
   , engineversion
   , c.product_instance_type instance_type
   , c.line_item_line_item_description item_description
   , ecsu.cacheclusterid cacheclusterid
   , c.line_item_resource_id resource_id
   , c.line_item_usage_type original_usage_type
   , round(CAST(c.pricing_public_on_demand_rate AS double), 4) on_demand_rate_per_unit
   , '' tags_json
   , sum(line_item_usage_amount) usage_amount
   , sum(((line_item_usage_amount * round(CAST(c.pricing_public_on_demand_rate AS double), 4)) * 8E-1)) ext_sup_year_1_2_price
   , sum(((line_item_usage_amount * round(CAST(c.pricing_public_on_demand_rate AS double), 4)) * 1.6E0)) ext_sup_year_3_price
   FROM
     (("cid_data_export"."cur2" c
   INNER JOIN sanitised_elasticache_clusters ecsu ON ((c.bill_payer_account_id = ecsu.payer_id) AND (c.line_item_usage_account_id = ecsu.accountid) AND (c.product['region'] = ecsu.region) AND (split_part(c.line_item_resource_id, ':', 7) = ecsu.cacheclusterid))))
   WHERE (((c.bill_billing_period_start_date >= (date_trunc('month', current_timestamp) - INTERVAL  '4' MONTH)) AND (CAST(concat(c.billing_period, '-01') AS date) >= (date_trunc('month', current_date) - INTERVAL  '4' MONTH))) AND (c.product_servicecode = 'AmazonElastiCache') AND (c.product_product_family = 'Cache Instance') AND (c.product['cache_engine'] = 'Redis') AND (c.line_item_line_item_type IN ('DiscountedUsage', 'Usage')))
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14
)
SELECT
  ecr.billing_period
, ecr.usage_date
, ecr.payer_account_id
, ecr.linked_account_id
, ecr.engine
, ecr.region_code
, erc.engineversion
, ecr.instance_type
, ecr.item_description
, ecr.cacheclusterid
, ecr.resource_id
, ecr.original_usage_type
, ecr.on_demand_rate_per_unit
, ecr.usage_amount
, erc.year_1_start
, (CASE WHEN ((current_timestamp >= erc.year_1_start) AND (current_timestamp < erc.year_3_start)) THEN 'Y' ELSE 'N' END) is_year_1_2
, erc.year_3_start
, (CASE WHEN ((current_timestamp >= erc.year_3_start) AND (current_timestamp < erc.end_of_extended_support)) THEN 'Y' ELSE 'N' END) is_year_3
, erc.end_of_extended_support
, (CASE WHEN (current_timestamp >= erc.end_of_extended_support) THEN 'Y' ELSE 'N' END) is_unsupported
, (CASE WHEN ((current_timestamp >= erc.year_1_start) AND (current_timestamp < erc.year_3_start)) THEN ext_sup_year_1_2_price ELSE 0 END) year_1_2_cost
, ext_sup_year_1_2_price
, (CASE WHEN ((current_timestamp >= erc.year_3_start) AND (current_timestamp < erc.end_of_extended_support)) THEN ext_sup_year_3_price ELSE 0 END) year_3_cost
, ext_sup_year_3_price
, ecr.tags_json
FROM
  (elasticache_resources ecr
INNER JOIN engine_release_calendar erc ON (concat(ecr.engine, ' OSS v', substr(ecr.engineversion, 1, 1)) = erc.engineversion))
