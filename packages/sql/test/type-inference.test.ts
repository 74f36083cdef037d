import { describe, expect, it } from "vitest";
import { analyzeView } from "../src/index.ts";
import { inNews } from "./news-catalog.ts";

/** The inferred type of one expression over news.article_views joined with news.articles and ads.impressions. */
function typeOf(expression: string): string | undefined {
  const result = analyzeView(
    `SELECT ${expression} AS x FROM article_views v JOIN articles a ON a.article_id = v.article_id
     JOIN ads.impressions i ON i.user_id = v.user_id`,
    inNews(),
  );
  expect(result.problems).toEqual([]);
  return result.outputColumns[0]?.type;
}

describe("type inference", () => {
  it.each([
    ["v.user_id", "bigint"],
    ["v.device", "row(os varchar, app_version varchar)"],
    ["v.device.os", "varchar"],
    ["CAST(v.dt AS date)", "date"],
    ["TRY_CAST(v.dt AS int)", "integer"],
    ["CAST(v.user_id AS string)", "varchar"],
    ["CAST(v.dt AS timestamp)", "timestamp(3)"],
    ["CAST(v.dt AS varchar(10))", "varchar(10)"],
    ["CAST(NULL AS map(varchar, bigint))", "map(varchar, bigint)"],
    ["42", "integer"],
    ["3000000000", "bigint"],
    ["1.5", "decimal(2,1)"],
    ["0.25", "decimal(2,2)"],
    ["1e3", "double"],
    ["'web'", "varchar(3)"],
    ["true", "boolean"],
    ["DATE '2024-01-01'", "date"],
    ["TIMESTAMP '2024-01-01 10:00:00.123'", "timestamp(3)"],
    ["TIMESTAMP '2024-01-01 10:00:00'", "timestamp(0)"],
    ["X'00ff'", "varbinary"],
    ["count(*)", "bigint"],
    ["count(v.event_id)", "bigint"],
    ["count_if(v.dwell_time_ms > 1000)", "bigint"],
    ["approx_distinct(v.user_id)", "bigint"],
    ["sum(v.dwell_time_ms)", "bigint"],
    ["sum(CAST(v.dwell_time_ms AS double))", "double"],
    ["sum(i.bid_price_jpy)", "decimal(38,4)"],
    ["avg(v.user_id)", "double"],
    ["avg(i.bid_price_jpy)", "decimal(12,4)"],
    ["min(v.viewed_at)", "timestamp(3)"],
    ["arbitrary(a.title)", "varchar"],
    ["date_trunc('day', v.viewed_at)", "timestamp(3)"],
    ["current_date", "date"],
    ["date_add('hour', 3, v.viewed_at)", "timestamp(3)"],
    ["day_of_week(v.viewed_at)", "bigint"],
    ["date_format(v.viewed_at, '%Y')", "varchar"],
    ["lower(a.title)", "varchar"],
    ["concat(a.title, ' - ', a.category)", "varchar"],
    ["substr(a.title, 1, 10)", "varchar"],
    ["trim(a.title)", "varchar"],
    ["replace(a.title, 'a', 'b')", "varchar"],
    ["length(a.title)", "bigint"],
    // Trino: round(decimal(p,s)) is decimal(p-s+min(s,1), 0); round(decimal(p,s), n) is decimal(p+1, s).
    ["round(i.bid_price_jpy)", "decimal(9,0)"],
    ["round(i.bid_price_jpy, 2)", "decimal(13,4)"],
    ["sum(v.dwell_time_ms)", "bigint"],
    ["avg(v.dwell_time_ms)", "double"],
    ["max(a.title, 3)", "array(varchar)"],
    ["approx_percentile(v.dwell_time_ms, 0.5)", "bigint"],
    ["approx_percentile(v.dwell_time_ms, ARRAY[0.5, 0.9])", "array(bigint)"],
    ["split_part(a.title, '-', 1)", "varchar"],
    ["transform(a.tags, t -> length(t))", "array(bigint)"],
    ["filter(a.tags, t -> t LIKE 'a%')", "array(varchar)"],
    ["reduce(a.tags, 0, (s, t) -> s + length(t), s -> s)", "bigint"],
    ["v.viewed_at - a.published_at", "interval day to second"],
    ["v.viewed_at + INTERVAL '1' DAY", "timestamp(3)"],
    ["current_date - INTERVAL '1' MONTH", "date"],
    ["a.title || '!'", "varchar"],
    ["a.tags || 'x'", "array(varchar)"],
    ["v.dwell_time_ms % 7", "integer"],
    ["-v.dwell_time_ms", "integer"],
    ["i.bid_price_jpy / 3", "decimal(12,4)"],
    ["i.bid_price_jpy + 1.5", "decimal(13,4)"],
    ["if(v.dwell_time_ms > 0, 'long', 'short')", "varchar(5)"],
    ["nullif(v.referrer, '')", "varchar"],
    ["try(v.dwell_time_ms / 0)", "integer"],
    ["map_keys(map(ARRAY['a'], ARRAY[1]))", "array(varchar(1))"],
    ["coalesce(v.dwell_time_ms, v.user_id)", "bigint"],
    ["coalesce(v.referrer, 'direct')", "varchar"],
    ["greatest(v.dwell_time_ms, 0)", "integer"],
    ["v.dwell_time_ms + 1", "integer"],
    ["v.dwell_time_ms + v.user_id", "bigint"],
    ["v.dwell_time_ms / 1000", "integer"],
    ["v.dwell_time_ms / 1000e0", "double"],
    ["v.dwell_time_ms > 1000", "boolean"],
    ["v.referrer LIKE 'https://%' OR NOT v.referrer IS NULL", "boolean"],
    ["v.user_id IN (1, 2) AND v.dt BETWEEN '2024-01-01' AND '2024-01-31'", "boolean"],
    ["CASE WHEN v.dwell_time_ms > 1000 THEN 1 ELSE v.user_id END", "bigint"],
    ["CASE v.device.os WHEN 'ios' THEN 'apple' ELSE v.device.os END", "varchar"],
    ["CASE WHEN v.dwell_time_ms > 0 THEN v.dt END", "varchar"],
    ["row_number() OVER (ORDER BY v.viewed_at)", "bigint"],
    ["dense_rank() OVER (PARTITION BY v.user_id ORDER BY v.viewed_at)", "bigint"],
    ["lead(v.viewed_at) OVER (PARTITION BY v.user_id ORDER BY v.viewed_at)", "timestamp(3)"],
    ["first_value(a.title) OVER (PARTITION BY v.user_id ORDER BY v.viewed_at)", "varchar"],
    ["array_agg(a.category)", "array(varchar)"],
    ["cardinality(a.tags)", "bigint"],
    ["element_at(a.tags, 1)", "varchar"],
    ["a.tags[1]", "varchar"],
    ["json_extract_scalar(v.referrer, '$.utm')", "varchar"],
    ["from_iso8601_timestamp(v.dt)", "timestamp(3) with time zone"],
    ["date_parse(v.dt, '%Y-%m-%d')", "timestamp(3)"],
    ["date(v.viewed_at)", "date"],
    ["date_diff('day', v.viewed_at, a.published_at)", "bigint"],
    ["i.bid_price_jpy * 2", "decimal(22,4)"],
  ])("types %s as %s", (expression, type) => {
    expect(typeOf(expression)).toBe(type);
  });

  it("leaves the type of a bare NULL unknown rather than guess", () => {
    expect(typeOf("NULL")).toBeUndefined();
  });
});
