SELECT
  i.dt,
  i.campaign_id,
  a.category AS article_category,
  count(*) AS impression_count,
  count(c.click_id) AS click_count,
  CAST(count(c.click_id) AS double) / count(*) AS ctr
FROM impressions AS i
LEFT JOIN clicks AS c
  ON c.impression_id = i.impression_id
 AND c.dt = i.dt
LEFT JOIN news.articles AS a
  ON a.article_id = i.article_id
 AND a.snapshot_date = i.dt
GROUP BY i.dt, i.campaign_id, a.category
