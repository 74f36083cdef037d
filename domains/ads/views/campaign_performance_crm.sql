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
WHERE dt >= format_datetime(current_timestamp AT TIME ZONE 'Asia/Tokyo' - INTERVAL '7' DAY, 'yyyy-MM-dd')
