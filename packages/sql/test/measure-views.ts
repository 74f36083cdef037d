/**
 * A quick timing of `analyzeView` over 200 distinct, realistic views (not a test: no timing assertions).
 * Run: node_modules/.bin/tsx packages/sql/test/measure-views.ts
 */
import { analyzeView } from "../src/index.ts";
import { parseSql } from "../src/parse/parser.ts";
import { inNews } from "./news-catalog.ts";

const templates: ((n: number) => string)[] = [
  (n) => `SELECT dt, count(*) AS views, count(DISTINCT user_id) AS readers, avg(dwell_time_ms) AS avg_dwell
FROM article_views WHERE dt >= '2024-01-${String((n % 28) + 1).padStart(2, "0")}' GROUP BY dt ORDER BY dt`,
  (n) => `SELECT c.campaign_name, i.dt, count(*) AS impressions, count(k.click_id) AS clicks,
  CAST(count(k.click_id) AS double) / count(*) AS ctr, sum(i.bid_price_jpy) AS spend
FROM ads.impressions i LEFT JOIN ads.clicks k ON k.impression_id = i.impression_id AND k.dt = i.dt
JOIN ads.campaigns c ON c.campaign_id = i.campaign_id
WHERE i.hour < ${n % 24} GROUP BY 1, 2`,
  (n) => `WITH daily AS (SELECT dt, article_id, count(*) AS views FROM article_views GROUP BY dt, article_id),
ranked AS (SELECT dt, article_id, views, rank() OVER (PARTITION BY dt ORDER BY views DESC) AS rnk FROM daily)
SELECT r.dt, a.title, a.category, r.views FROM ranked r JOIN articles a ON a.article_id = r.article_id WHERE r.rnk <= ${n % 50}`,
  (n) => `SELECT a.article_id, t.tag, cardinality(a.tags) AS tag_count, transform(a.tags, x -> upper(x)) AS upper_tags
FROM articles a CROSS JOIN UNNEST(a.tags) AS t(tag) WHERE a.publisher_id = ${n}`,
  (n) => `SELECT user_id, viewed_at, device.os AS os, device.app_version,
  row_number() OVER (PARTITION BY user_id ORDER BY viewed_at DESC) AS recency,
  lag(dwell_time_ms) OVER (PARTITION BY user_id ORDER BY viewed_at) AS previous_dwell
FROM article_views WHERE dwell_time_ms > ${n * 10}`,
  (n) => `SELECT date_trunc('hour', viewed_at) AS hour, from_iso8601_timestamp(dt || 'T00:00:00Z') AS day_start,
  date_parse(dt, '%Y-%m-%d') AS day, date_add('day', ${n % 7}, viewed_at) AS later,
  CASE WHEN dwell_time_ms > 30000 THEN 'long' WHEN dwell_time_ms > 5000 THEN 'medium' ELSE 'short' END AS bucket
FROM article_views`,
  (n) => `SELECT dt, view_count, 'view' AS source FROM daily_views WHERE view_count > ${n}
UNION ALL SELECT dt, count(*), 'click' FROM ads.clicks GROUP BY dt`,
  (n) => `SELECT * FROM ads.campaigns WHERE daily_budget_jpy > ${n * 1000} AND starts_on <= current_date`,
  (n) => `SELECT v.event_id, v.user_id,
  (SELECT max(k.clicked_at) FROM ads.clicks k JOIN ads.impressions i ON i.impression_id = k.impression_id WHERE i.user_id = v.user_id) AS last_click
FROM article_views v
WHERE EXISTS (SELECT 1 FROM ads.impressions i WHERE i.user_id = v.user_id AND i.hour = ${n % 24})`,
  (n) => `SELECT a.category, coalesce(v.referrer, 'direct') AS referrer, count(*) AS views,
  approx_distinct(v.user_id) AS readers, sum(v.dwell_time_ms) / 1000.0 AS dwell_seconds
FROM article_views v JOIN articles a USING (article_id)
WHERE a.published_at > TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '${n}' DAY
GROUP BY 1, 2 HAVING count(*) > ${n}`,
];

const views = Array.from({ length: 200 }, (_, i) => templates[i % templates.length]!(i));
const options = inNews();

for (let round = 0; round < 3; round++) for (const sql of views) analyzeView(`${sql} -- warm ${round}`, options);

/** Median of five rounds over the 200 views. */
function time(label: string, run: (sql: string) => void): void {
  const rounds: number[] = [];
  for (let round = 0; round < 5; round++) {
    // A suffix makes each text new, so the parser's last-input cache never answers.
    const texts = views.map((sql) => `${sql} -- ${label} ${round}`);
    const start = process.hrtime.bigint();
    for (const sql of texts) run(sql);
    rounds.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const median = rounds.sort((a, b) => a - b)[2]!;
  console.log(`${label}: ${views.length} views in ${median.toFixed(1)} ms (median of 5), ${(median / views.length).toFixed(2)} ms per view`);
}

let problems = 0;
time("parse only", (sql) => parseSql(sql));
time("parse + analysis", (sql) => (problems += analyzeView(sql, options).problems.length));
console.log(`problems: ${problems}`);
