/**
 * Views shaped like the ones teams write: 2-7 KB each, with CTEs, CASE ladders, conditional aggregates, a percentile,
 * window functions and a join to another domain's published view. Real views cost the parser far more than short
 * synthetic ones (its adaptive prediction warms up on long CASE ladders and nested expressions), so the benchmark
 * measures both shapes.
 */

const col = (name: string, type: string) => ({ name, type, description: `${name}.` });

export const REALISTIC_COLUMNS = [
  col("dt", "string"),
  col("user_id", "bigint"),
  col("category_group", "string"),
  col("amount_band", "string"),
  col("orders", "bigint"),
  col("big_orders", "bigint"),
  col("revenue", "double"),
  col("refund_share", "double"),
  col("p90_amount", "double"),
  col("first_seen", "timestamp"),
  col("rank_in_group", "bigint"),
  col("revenue_7d", "double"),
  col("upstream_rows", "bigint"),
];

/** `WHEN ... THEN ...` lines: `branches` of them, each a few conditions long, as hand-written ladders are. */
function ladder(branches: number, when: (i: number) => string, then: (i: number) => string): string {
  return Array.from({ length: branches }, (_, i) => `      WHEN ${when(i)} THEN ${then(i)}`).join("\n");
}

/**
 * View `v` of a domain: reads tables `a` and `b` of its own domain and `upstream` (another domain's published
 * `v000`). `branches` sets the length of its two CASE ladders, and so its size (about 2 KB at 8, 7 KB at 45).
 */
export function realisticView(name: string, a: string, b: string, upstream: string, branches: number): { declaration: object; sql: string } {
  const categories = ladder(
    branches,
    (i) => `a.category LIKE 'cat_${i}%' AND (a.note IS NULL OR a.note NOT LIKE '%test%') AND a.qty BETWEEN ${i % 5} AND ${10 + i}`,
    (i) => `'group_${i % 7}'`,
  );
  const bands = ladder(
    Math.max(3, Math.floor(branches / 2)),
    (i) => `a.amount >= ${i * 25} AND a.amount < ${(i + 1) * 25} AND coalesce(b.flag, false) = ${i % 2 === 0 ? "true" : "false"}`,
    (i) => `'band_${String(i).padStart(2, "0")}'`,
  );
  const sql = `-- ${name}: daily revenue per user and category group, ranked and smoothed over a week
WITH orders AS (
  SELECT
    a.dt,
    a.user_id,
    a.id AS order_id,
    a.amount,
    a.created_at,
    CASE
${categories}
      ELSE 'other'
    END AS category_group,
    CASE
${bands}
      ELSE 'band_other'
    END AS amount_band,
    CASE WHEN b.qty < 0 OR lower(coalesce(b.note, '')) LIKE '%refund%' THEN a.amount ELSE 0 END AS refunded
  FROM ${a} AS a
  LEFT JOIN ${b} AS b ON b.id = a.id AND b.dt = a.dt
  WHERE a.flag
    AND a.dt >= date_format(date_add('day', -90, current_date), '%Y-%m-%d')
    AND a.amount IS NOT NULL
),
daily AS (
  SELECT
    dt,
    user_id,
    category_group,
    amount_band,
    count(*) AS orders,
    count_if(amount > 100) AS big_orders,
    sum(amount) AS revenue,
    sum(refunded) / nullif(sum(amount), 0) AS refund_share,
    approx_percentile(amount, 0.9) AS p90_amount,
    min(created_at) AS first_seen
  FROM orders
  GROUP BY dt, user_id, category_group, amount_band
),
ranked AS (
  SELECT
    d.*,
    row_number() OVER (PARTITION BY d.dt, d.category_group ORDER BY d.revenue DESC, d.user_id) AS rank_in_group,
    sum(d.revenue) OVER (PARTITION BY d.user_id, d.category_group ORDER BY d.dt ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS revenue_7d
  FROM daily AS d
)
SELECT
  r.dt,
  r.user_id,
  r.category_group,
  r.amount_band,
  r.orders,
  r.big_orders,
  r.revenue,
  r.refund_share,
  r.p90_amount,
  r.first_seen,
  r.rank_in_group,
  r.revenue_7d,
  coalesce(u.row_count, 0) AS upstream_rows
FROM ranked AS r
LEFT JOIN ${upstream}.v000 AS u ON u.dt = r.dt AND u.category = r.category_group
WHERE r.rank_in_group <= 100
`;
  return { declaration: { name, description: `Realistic view ${name}.`, columns: REALISTIC_COLUMNS }, sql };
}
