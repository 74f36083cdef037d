-- The app retries sends, so an event id can arrive more than once: keep its first copy.
SELECT
  event_id,
  user_id,
  article_id,
  viewed_at,
  dwell_time_ms,
  coalesce(referrer, 'unknown') AS referrer,
  device.os AS os,
  dt
FROM (
  SELECT
    v.*,
    row_number() OVER (PARTITION BY event_id ORDER BY client_sent_at) AS copy
  FROM article_views AS v
  WHERE dt = {{ run_date }}
) AS numbered
WHERE copy = 1
