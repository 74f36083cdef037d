-- The 100 most expensive queries of each day, with the start of their (redacted) SQL.
SELECT
  dt,
  query_execution_id,
  workgroup,
  caller_arn,
  cost_usd,
  bytes_scanned,
  total_execution_time_ms,
  query_text_start,
  daily_rank
FROM (
  SELECT
    dt,
    query_execution_id,
    workgroup,
    caller.arn AS caller_arn,
    cost_usd,
    bytes_scanned,
    total_execution_time_ms,
    substr(query_text, 1, 500) AS query_text_start,
    rank() OVER (PARTITION BY dt ORDER BY cost_usd DESC) AS daily_rank
  FROM athena_query_log
) AS ranked
WHERE daily_rank <= 100
