import { describe, expect, it } from "vitest";
import { analyzeView, type ViewAnalysis } from "../src/index.ts";
import { inNews } from "./news-catalog.ts";

function analyze(sql: string): ViewAnalysis {
  return analyzeView(sql, inNews());
}

/** `name: type` per output column, the shape most assertions care about. */
function outputs(result: ViewAnalysis): string[] {
  return result.outputColumns.map((c) => `${c.name}: ${c.type ?? "?"}`);
}

function reads(result: ViewAnalysis): string[] {
  return result.columnsRead.map((c) => `${c.database}.${c.relation}.${c.column}`);
}

function references(result: ViewAnalysis): string[] {
  return result.references.map((r) => `${r.database}.${r.name}@${r.line}:${r.column}`);
}

describe("analyzeView on realistic views", () => {
  it("derives daily KPIs with GROUP BY: names, types, the table read and the columns read", () => {
    const result = analyze(`SELECT
  dt,
  count(*) AS views,
  count(DISTINCT user_id) AS readers,
  avg(dwell_time_ms) AS avg_dwell_ms,
  sum(dwell_time_ms) AS total_dwell_ms,
  max(viewed_at) AS last_view
FROM article_views
WHERE dt >= '2024-01-01' AND referrer IS NOT NULL
GROUP BY dt
HAVING count(*) > 10
ORDER BY views DESC`);
    expect(result.problems).toEqual([]);
    expect(references(result)).toEqual(["news.article_views@8:6"]);
    expect(result.outputColumns).toEqual([
      { name: "dt", type: "varchar", line: 2, column: 3 },
      { name: "views", type: "bigint", line: 3, column: 3 },
      { name: "readers", type: "bigint", line: 4, column: 3 },
      { name: "avg_dwell_ms", type: "double", line: 5, column: 3 },
      { name: "total_dwell_ms", type: "bigint", line: 6, column: 3 },
      { name: "last_view", type: "timestamp(3)", line: 7, column: 3 },
    ]);
    expect(reads(result)).toEqual([
      "news.article_views.dt",
      "news.article_views.user_id",
      "news.article_views.dwell_time_ms",
      "news.article_views.viewed_at",
      "news.article_views.referrer",
    ]);
  });

  it("derives CTR by campaign across ads.impressions LEFT JOIN ads.clicks, ads.campaigns and news tables", () => {
    const result = analyze(`SELECT
  c.campaign_name,
  a.category,
  i.dt,
  count(*) AS impressions,
  count(k.click_id) AS clicks,
  CAST(count(k.click_id) AS double) / count(*) AS ctr,
  sum(i.bid_price_jpy) AS spend_jpy
FROM ads.impressions i
LEFT JOIN ads.clicks k ON k.impression_id = i.impression_id AND k.dt = i.dt
JOIN ads.campaigns c ON c.campaign_id = i.campaign_id
JOIN news.article_views v ON v.user_id = i.user_id AND v.dt = i.dt
JOIN articles a ON a.article_id = v.article_id
GROUP BY 1, 2, 3`);
    expect(result.problems).toEqual([]);
    expect(references(result)).toEqual([
      "ads.impressions@9:6",
      "ads.clicks@10:11",
      "ads.campaigns@11:6",
      "news.article_views@12:6",
      "news.articles@13:6",
    ]);
    expect(outputs(result)).toEqual([
      "campaign_name: varchar",
      "category: varchar",
      "dt: varchar",
      "impressions: bigint",
      "clicks: bigint",
      "ctr: double",
      "spend_jpy: decimal(38,4)",
    ]);
    expect(reads(result)).toEqual([
      "ads.campaigns.campaign_name",
      "news.articles.category",
      "ads.impressions.dt",
      "ads.clicks.click_id",
      "ads.impressions.bid_price_jpy",
      "ads.clicks.impression_id",
      "ads.impressions.impression_id",
      "ads.clicks.dt",
      "ads.campaigns.campaign_id",
      "ads.impressions.campaign_id",
      "news.article_views.user_id",
      "ads.impressions.user_id",
      "news.article_views.dt",
      "news.articles.article_id",
      "news.article_views.article_id",
    ]);
  });

  it("ranks a reader's views with window functions, including a named WINDOW", () => {
    const result = analyze(`SELECT
  user_id,
  article_id,
  row_number() OVER (PARTITION BY user_id ORDER BY viewed_at DESC) AS recency_rank,
  lag(dwell_time_ms) OVER (PARTITION BY user_id ORDER BY viewed_at) AS previous_dwell_ms,
  sum(dwell_time_ms) OVER w AS running_dwell_ms
FROM article_views
WINDOW w AS (PARTITION BY user_id ORDER BY viewed_at ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`);
    expect(result.problems).toEqual([]);
    expect(outputs(result)).toEqual([
      "user_id: bigint",
      "article_id: bigint",
      "recency_rank: bigint",
      "previous_dwell_ms: integer",
      "running_dwell_ms: bigint",
    ]);
    expect(reads(result)).toEqual([
      "news.article_views.user_id",
      "news.article_views.article_id",
      "news.article_views.viewed_at",
      "news.article_views.dwell_time_ms",
    ]);
  });

  it("unnests an article's tags: the UNNEST alias is a column, lambdas and subscripts are typed", () => {
    const result = analyze(`SELECT
  a.article_id,
  t.tag,
  tag_position,
  transform(a.tags, x -> upper(x)) AS upper_tags,
  filter(tags, x -> x LIKE 'ai%') AS ai_tags,
  tags[1] AS first_tag,
  cardinality(tags) AS tag_count
FROM articles a
CROSS JOIN UNNEST(a.tags) WITH ORDINALITY AS t(tag, tag_position)`);
    expect(result.problems).toEqual([]);
    expect(references(result)).toEqual(["news.articles@9:6"]);
    expect(outputs(result)).toEqual([
      "article_id: bigint",
      "tag: varchar",
      "tag_position: bigint",
      "upper_tags: array(varchar)",
      "ai_tags: array(varchar)",
      "first_tag: varchar",
      "tag_count: bigint",
    ]);
    expect(reads(result)).toEqual(["news.articles.article_id", "news.articles.tags"]);
  });

  it("follows WITH queries down to the catalog columns they read, and does not report WITH names as references", () => {
    const result = analyze(`WITH daily AS (
  SELECT dt, article_id, count(*) AS views
  FROM article_views
  GROUP BY dt, article_id
),
top AS (
  SELECT dt, article_id, views, rank() OVER (PARTITION BY dt ORDER BY views DESC) AS rnk
  FROM daily
)
SELECT top.dt, a.title, top.views
FROM top
JOIN articles a ON a.article_id = top.article_id
WHERE top.rnk <= 10`);
    expect(result.problems).toEqual([]);
    expect(references(result)).toEqual(["news.article_views@3:8", "news.articles@12:6"]);
    expect(outputs(result)).toEqual(["dt: varchar", "title: varchar", "views: bigint"]);
    expect(reads(result)).toEqual([
      "news.article_views.dt",
      "news.article_views.article_id",
      "news.articles.title",
      "news.articles.article_id",
    ]);
  });

  it("types date handling: date_trunc, from_iso8601_timestamp, date_parse, date_add, date_diff and literals", () => {
    const result = analyze(`SELECT
  date_trunc('hour', viewed_at) AS view_hour,
  from_iso8601_timestamp(dt || 'T00:00:00Z') AS partition_start,
  date_parse(dt, '%Y-%m-%d') AS partition_day,
  date(viewed_at) AS view_date,
  date_add('day', 7, viewed_at) AS week_later,
  date_diff('minute', viewed_at, current_timestamp) AS minutes_ago,
  year(viewed_at) AS view_year,
  format_datetime(viewed_at, 'yyyy-MM') AS view_month,
  viewed_at AT TIME ZONE 'Asia/Tokyo' AS viewed_at_jst,
  DATE '2024-01-01' AS epoch_day,
  TIMESTAMP '2024-01-01 00:00:00.000' AS epoch,
  viewed_at + INTERVAL '1' DAY AS next_day
FROM article_views
WHERE date_parse(dt, '%Y-%m-%d') >= current_date - INTERVAL '7' DAY`);
    expect(result.problems).toEqual([]);
    expect(outputs(result)).toEqual([
      "view_hour: timestamp(3)",
      "partition_start: timestamp(3) with time zone",
      "partition_day: timestamp(3)",
      "view_date: date",
      "week_later: timestamp(3)",
      "minutes_ago: bigint",
      "view_year: bigint",
      "view_month: varchar",
      "viewed_at_jst: timestamp(3) with time zone",
      "epoch_day: date",
      "epoch: timestamp(3)",
      "next_day: timestamp(3)",
    ]);
    expect(reads(result)).toEqual(["news.article_views.viewed_at", "news.article_views.dt"]);
  });

  it("expands SELECT * and t.* from the catalog in column order, reading every column", () => {
    const result = analyze("SELECT k.*, i.placement FROM ads.clicks k JOIN ads.impressions i ON i.impression_id = k.impression_id");
    expect(result.problems).toEqual([]);
    expect(outputs(result)).toEqual([
      "click_id: varchar",
      "impression_id: varchar",
      "clicked_at: timestamp(3)",
      "dt: varchar",
      "placement: varchar",
    ]);
    expect(result.outputColumns[0]).toEqual({ name: "click_id", type: "varchar", line: 1, column: 8 });
    const star = analyze("SELECT * FROM ads.campaigns");
    expect(outputs(star)).toEqual([
      "campaign_id: bigint",
      "advertiser_id: varchar",
      "campaign_name: varchar",
      "starts_on: date",
      "ends_on: date",
      "daily_budget_jpy: decimal(12,0)",
    ]);
    expect(reads(star)).toEqual([
      "ads.campaigns.campaign_id",
      "ads.campaigns.advertiser_id",
      "ads.campaigns.campaign_name",
      "ads.campaigns.starts_on",
      "ads.campaigns.ends_on",
      "ads.campaigns.daily_budget_jpy",
    ]);
  });

  it("reads struct fields: `device.os` is a column's field named after the field, the whole column is read", () => {
    const result = analyze("SELECT v.event_id, device.os, v.device.app_version AS app FROM article_views v WHERE device.os = 'ios'");
    expect(result.problems).toEqual([]);
    expect(outputs(result)).toEqual(["event_id: varchar", "os: varchar", "app: varchar"]);
    expect(reads(result)).toEqual(["news.article_views.event_id", "news.article_views.device"]);
  });

  it("names UNION ALL columns after the first query and types them with the common type", () => {
    const result = analyze(`SELECT dt, view_count, 'view' AS source FROM daily_views
UNION ALL
SELECT dt, 0, 'none' FROM ads.clicks
ORDER BY dt`);
    expect(result.problems).toEqual([]);
    expect(references(result)).toEqual(["news.daily_views@1:46", "ads.clicks@3:27"]);
    expect(outputs(result)).toEqual(["dt: varchar", "view_count: bigint", "source: varchar(4)"]);
    expect(reads(result)).toEqual(["news.daily_views.dt", "news.daily_views.view_count", "ads.clicks.dt"]);
  });

  it("accepts correlated subqueries in WHERE, EXISTS, IN and the SELECT list", () => {
    const result = analyze(`SELECT
  v.event_id,
  (SELECT max(c.clicked_at) FROM ads.clicks c JOIN ads.impressions i ON i.impression_id = c.impression_id
   WHERE i.user_id = v.user_id) AS last_click
FROM article_views v
WHERE EXISTS (SELECT 1 FROM ads.impressions i WHERE i.user_id = v.user_id)
  AND v.article_id IN (SELECT article_id FROM articles WHERE category = 'tech')`);
    expect(result.problems).toEqual([]);
    expect(outputs(result)).toEqual(["event_id: varchar", "last_click: timestamp(3)"]);
    // In order of first appearance: the scalar subquery comes before the FROM clause.
    expect(references(result)).toEqual(["ads.clicks@3:34", "ads.impressions@3:52", "news.article_views@5:6", "news.articles@7:47"]);
  });

  it("accepts fully qualified names, JOIN ... USING and subqueries in FROM", () => {
    const result = analyze(`SELECT impression_id, s.clicks, i.placement
FROM awsdatacatalog.ads.impressions i
JOIN (SELECT impression_id, count(*) AS clicks FROM ads.clicks GROUP BY impression_id) s USING (impression_id)`);
    expect(result.problems).toEqual([]);
    expect(outputs(result)).toEqual(["impression_id: varchar", "clicks: bigint", "placement: varchar"]);
    expect(reads(result)).toEqual(["ads.impressions.impression_id", "ads.impressions.placement", "ads.clicks.impression_id"]);
  });
});
