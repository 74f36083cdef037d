SELECT
  article_id,
  count(*) AS view_count,
  count(DISTINCT user_id) AS reader_count,
  avg(dwell_time_ms) AS avg_dwell_time_ms,
  dt
FROM article_view_facts
WHERE dt = {{ run_date }}
GROUP BY article_id, dt
