SELECT
  dt,
  campaign_id,
  sum(bid_price_jpy) AS spend_jpy
FROM impressions
GROUP BY dt, campaign_id
