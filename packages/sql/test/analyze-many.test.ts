import { describe, expect, it } from "vitest";
import { analyzeView, createCatalog } from "../src/index.ts";
import { analyzeMany, type ViewJob } from "../src/parallel/analyze-many.ts";
import { newsRelations } from "./news-catalog.ts";

// Good views, a syntax error and an unknown column: worker threads must return exactly what this thread would.
const SQL = [
  "SELECT dt, count(*) AS views FROM article_views GROUP BY dt",
  "SELECT a.article_id, v.user_id FROM articles AS a JOIN article_views AS v ON v.article_id = a.article_id",
  "SELECT dt, FROM article_views",
  "SELECT no_such_column FROM article_views",
];
const jobs: ViewJob[] = Array.from({ length: 240 }, (_, i) => ({ sql: `${SQL[i % SQL.length]} -- view ${i}`, defaultDatabase: "news" }));

describe("analyzeMany", () => {
  it("returns, from worker threads, the same analyses in the same order as one thread does", async () => {
    const catalog = createCatalog(newsRelations);
    const expected = jobs.map((job) => analyzeView(job.sql, { defaultDatabase: job.defaultDatabase, catalog }));
    const parallel = await analyzeMany(jobs, newsRelations, { workers: 2, minViewsForWorkers: 1, shareWork: false });
    expect(parallel).toEqual(expected);
    expect(parallel[2]!.problems[0]!.message).toMatch(/^syntax error/);
    expect(parallel[3]!.problems.map((p) => p.message)).toEqual([expect.stringContaining('"no_such_column"')]);
  });

  it("stays on this thread below the threshold, with the same results", async () => {
    const few = jobs.slice(0, 8);
    const catalog = createCatalog(newsRelations);
    expect(await analyzeMany(few, newsRelations)).toEqual(few.map((job) => analyzeView(job.sql, { defaultDatabase: "news", catalog })));
  });
});
