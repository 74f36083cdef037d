-- What Athena cost per day and workgroup: the first chart of the cost report.
SELECT
  dt,
  workgroup,
  count(*) AS query_count,
  sum(bytes_scanned) AS bytes_scanned,
  sum(cost_usd) AS cost_usd
FROM athena_query_log
GROUP BY dt, workgroup
