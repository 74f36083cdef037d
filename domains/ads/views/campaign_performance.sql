WITH delivery AS (
  SELECT
    dt,
    campaign_id,
    sum(impression_count) AS impression_count,
    sum(click_count) AS click_count
  FROM campaign_ctr
  GROUP BY dt, campaign_id
)
SELECT
  s.dt,
  s.campaign_id,
  c.campaign_name,
  s.spend_jpy,
  CAST(s.spend_jpy AS double) / CAST(nullif(c.daily_budget_jpy, 0) AS double) AS budget_used,
  d.impression_count,
  d.click_count
FROM daily_spend AS s
JOIN campaigns AS c ON c.campaign_id = s.campaign_id
LEFT JOIN delivery AS d
  ON d.dt = s.dt
 AND d.campaign_id = s.campaign_id
