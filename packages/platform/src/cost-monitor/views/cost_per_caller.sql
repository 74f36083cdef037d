-- Who spends what. The caller comes from CloudTrail and can be missing for a few minutes after a query.
SELECT
  dt,
  coalesce(caller.arn, 'unknown') AS caller_arn,
  count(*) AS query_count,
  sum(bytes_scanned) AS bytes_scanned,
  sum(cost_usd) AS cost_usd
FROM athena_query_log
GROUP BY dt, coalesce(caller.arn, 'unknown')
