SELECT
  o.stage,
  a.segment,
  count(*) AS opportunity_count,
  sum(o.amount_jpy) AS amount_jpy
FROM crm_opportunities AS o
JOIN crm_accounts AS a
  ON a.account_id = o.account_id
 AND a.snapshot_date = o.snapshot_date
WHERE o.snapshot_date = format_datetime(current_timestamp AT TIME ZONE 'Asia/Tokyo', 'yyyy-MM-dd')
  AND o.stage NOT IN ('closed_won', 'closed_lost')
GROUP BY o.stage, a.segment
