WITH daily AS (
  SELECT
    a.category,
    date_parse(v.dt, '%Y-%m-%d') AS view_day,
    count(*) AS view_count
  FROM article_views AS v
  JOIN articles AS a
    ON a.article_id = v.article_id
   AND a.snapshot_date = v.dt
  GROUP BY a.category, date_parse(v.dt, '%Y-%m-%d')
)
SELECT
  category,
  date_trunc('week', view_day) AS week_start,
  sum(view_count) AS view_count
FROM daily
GROUP BY category, date_trunc('week', view_day)
