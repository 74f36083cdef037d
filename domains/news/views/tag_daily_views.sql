SELECT
  v.dt,
  t.tag,
  count(*) AS view_count
FROM article_views AS v
JOIN articles AS a
  ON a.article_id = v.article_id
 AND a.snapshot_date = v.dt
CROSS JOIN UNNEST(a.tags) AS t (tag)
GROUP BY v.dt, t.tag
