-- client_sent_at carries the device's offset ("2024-05-01T09:00:00+09:00"); store it as UTC.
SELECT
  dt,
  event_id,
  CAST(from_iso8601_timestamp(client_sent_at) AT TIME ZONE 'UTC' AS timestamp) AS client_sent_at,
  viewed_at,
  date_diff('second', viewed_at, CAST(from_iso8601_timestamp(client_sent_at) AT TIME ZONE 'UTC' AS timestamp)) AS delay_seconds
FROM article_views
WHERE client_sent_at IS NOT NULL
