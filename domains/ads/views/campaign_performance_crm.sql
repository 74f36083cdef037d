SELECT
  concat(CAST(campaign_id AS varchar), ':', dt) AS campaign_day_key,
  dt,
  campaign_id,
  campaign_name,
  spend_jpy,
  budget_used,
  impression_count,
  click_count
FROM campaign_performance
-- The last 7 days, counted in Tokyo's calendar: today there and the six days before it.
WHERE dt > CAST(date_add('day', -7, CAST(current_timestamp AT TIME ZONE 'Asia/Tokyo' AS date)) AS varchar)
