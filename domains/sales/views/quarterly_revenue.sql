SELECT
  account_id,
  CAST(date_trunc('quarter', revenue_month) AS date) AS quarter_start,
  format_datetime(date_trunc('quarter', revenue_month), 'yyyy') || '-Q' || CAST(quarter(revenue_month) AS varchar) AS quarter_label,
  sum(revenue_jpy) AS revenue_jpy
FROM monthly_revenue
GROUP BY account_id, date_trunc('quarter', revenue_month), quarter(revenue_month)
