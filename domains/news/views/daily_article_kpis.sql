-- One row per day: the numbers on the newsroom dashboard.
SELECT
  dt,
  count(*) AS view_count,
  approx_distinct(user_id) AS reader_count,
  avg(dwell_time_ms) AS avg_dwell_time_ms
FROM article_views
GROUP BY dt
