import { describe, expect, it } from "vitest";
import { analyzeView } from "../src/index.ts";
import { inNews } from "./news-catalog.ts";

/** `output <- database.relation.column` for each column an output carries unchanged. */
function passed(sql: string): string[] {
  const result = analyzeView(sql, inNews());
  expect(result.problems).toEqual([]);
  return result.passThrough.map((p) => `${p.output} <- ${p.column.database}.${p.column.relation}.${p.column.column}`);
}

describe("pass-through lineage: which catalog columns a view's output carries unchanged", () => {
  it("follows bare references, aliases and parentheses, but not aggregates, expressions or row fields", () => {
    expect(
      passed(`SELECT dt, user_id AS reader, (article_id), count(*) AS views, sum(dwell_time_ms) AS dwell, lower(referrer) AS referrer, device.os
FROM article_views
WHERE referrer IS NOT NULL
GROUP BY dt, user_id, article_id, lower(referrer), device.os`),
    ).toEqual(["dt <- news.article_views.dt", "reader <- news.article_views.user_id", "article_id <- news.article_views.article_id"]);
  });

  it("follows qualified names, * and t.*, subqueries and WITH queries", () => {
    expect(passed("SELECT v.dt FROM article_views v")).toEqual(["dt <- news.article_views.dt"]);
    expect(passed("SELECT * FROM ads.clicks")).toEqual([
      "click_id <- ads.clicks.click_id",
      "impression_id <- ads.clicks.impression_id",
      "clicked_at <- ads.clicks.clicked_at",
      "dt <- ads.clicks.dt",
    ]);
    expect(passed("WITH daily AS (SELECT dt AS day, count(*) AS n FROM article_views GROUP BY dt) SELECT d.day, n FROM (SELECT * FROM daily) d")).toEqual([
      "day <- news.article_views.dt",
    ]);
    expect(passed("SELECT c.* FROM ads.clicks c JOIN ads.impressions i ON c.impression_id = i.impression_id WHERE i.placement = 'top'")).toEqual([
      "click_id <- ads.clicks.click_id",
      "impression_id <- ads.clicks.impression_id",
      "clicked_at <- ads.clicks.clicked_at",
      "dt <- ads.clicks.dt",
    ]);
  });

  it("carries both sides of a set operation and of a USING column", () => {
    expect(passed("SELECT dt FROM article_views UNION ALL SELECT dt FROM ads.clicks")).toEqual(["dt <- news.article_views.dt", "dt <- ads.clicks.dt"]);
    expect(passed("SELECT dt FROM ads.clicks JOIN ads.impressions USING (impression_id, dt)")).toEqual(["dt <- ads.clicks.dt", "dt <- ads.impressions.dt"]);
  });

  it("carries nothing for CASE, casts and constants, even when they keep the name", () => {
    expect(passed("SELECT CAST(user_id AS varchar) AS user_id, CASE WHEN dt > '2024' THEN dt END AS dt, 'x' AS referrer FROM article_views")).toEqual([]);
  });
});
