SELECT
  dt,
  article_id,
  view_count,
  rank() OVER (PARTITION BY dt ORDER BY view_count DESC) AS daily_rank
FROM daily_article_stats
