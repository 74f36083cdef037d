SELECT
  status,
  count(*) AS order_count,
  sum(amount_jpy) AS amount_jpy
FROM insertion_orders
WHERE dt = format_datetime(current_timestamp AT TIME ZONE 'Asia/Tokyo', 'yyyy-MM-dd')
GROUP BY status
