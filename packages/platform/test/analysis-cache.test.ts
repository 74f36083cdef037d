/**
 * The view-analysis cache: a view is re-analysed exactly when its SQL, its domain or a relation it reads
 * changes, and a stored analysis never hides a problem. Each case writes a fresh project (a changed domain.ts
 * needs a new path, because modules are cached by URL) sharing one cache file through BAIKAL_CACHE_FILE.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ViewAnalysisCache, analysisCacheFile } from "../src/caching/analysis-cache.ts";
import type { DomainInput } from "../src/declarations/domain.ts";
import { loadProject } from "../src/loading/load-project.ts";
import { analyzeViews } from "../src/views/analyze-views.ts";
import { ADS_DOMAIN, configSource, DAILY_IMPRESSIONS_SQL, domainSource, writeProject, problemsOf } from "./support.ts";

function adsProject(ads: DomainInput = ADS_DOMAIN, sql = DAILY_IMPRESSIONS_SQL): string {
  return writeProject({ "baikal.config.ts": configSource(), "domains/ads/domain.ts": domainSource(ads), "domains/ads/views/daily_impressions.sql": sql });
}

/**
 * What the shared cache holds for `root` right now: its views are analysed against a cache opened before
 * anything else runs (the project itself is loaded with the cache off, so it cannot fill it first).
 */
async function countsFor(root: string): Promise<{ hits: number; misses: number }> {
  const cache = ViewAnalysisCache.open(root);
  process.env.BAIKAL_CACHE = "off";
  try {
    const project = await loadProject(root);
    await analyzeViews(root, project.domains, { cache });
  } finally {
    delete process.env.BAIKAL_CACHE;
  }
  return { hits: cache.hits, misses: cache.misses };
}

const withColumnType = (type: string): DomainInput => ({
  ...ADS_DOMAIN,
  tables: [{ ...ADS_DOMAIN.tables![0]!, columns: ADS_DOMAIN.tables![0]!.columns.map((c) => (c.name === "campaign_id" ? { ...c, type } : c)) }],
});

describe("view analysis cache", () => {
  let cacheFile: string;
  beforeEach(() => {
    cacheFile = join(mkdtempSync(join(tmpdir(), "baikal-cache-")), "view-analyses.json");
    vi.stubEnv("BAIKAL_CACHE_FILE", cacheFile);
  });
  afterEach(() => vi.unstubAllEnvs());

  it("stores each checked view and reuses it while nothing it depends on changes", async () => {
    await loadProject(adsProject());
    expect(existsSync(cacheFile)).toBe(true);
    expect(await countsFor(adsProject())).toEqual({ hits: 1, misses: 0 });
  });

  it("re-analyses a view whose SQL changed", async () => {
    await loadProject(adsProject());
    const changed = DAILY_IMPRESSIONS_SQL.replace("FROM impressions", "FROM impressions\nWHERE campaign_id > 0");
    expect(await countsFor(adsProject(ADS_DOMAIN, changed))).toEqual({ hits: 0, misses: 1 });
  });

  it("re-analyses a view when a relation it reads changes a column's type, even one it does not select", async () => {
    await loadProject(adsProject());
    expect(await countsFor(adsProject(withColumnType("string")))).toEqual({ hits: 0, misses: 1 });
  });

  it("reports a column that a cached view reads once the table no longer has it, instead of reusing the analysis", async () => {
    const sql = "SELECT dt, count(DISTINCT campaign_id) AS impression_count\nFROM impressions\nGROUP BY dt\n";
    await loadProject(adsProject(ADS_DOMAIN, sql));
    const withoutCampaign: DomainInput = {
      ...ADS_DOMAIN,
      tables: [{ ...ADS_DOMAIN.tables![0]!, columns: ADS_DOMAIN.tables![0]!.columns.filter((c) => c.name !== "campaign_id") }],
    };
    const problems = await problemsOf(adsProject(withoutCampaign, sql));
    expect(problems).toEqual([expect.stringMatching(/^domains\/ads\/views\/daily_impressions\.sql:1:27: .*"campaign_id"/)]);
  });

  it("never stores an analysis with problems, so the next check reports them again", async () => {
    const broken = "SELECT dt, count(*) AS impression_count\nFROM impressionz\nGROUP BY dt\n";
    const first = await problemsOf(adsProject(ADS_DOMAIN, broken));
    expect(first).toEqual([expect.stringContaining('"impressionz"')]);
    expect(existsSync(cacheFile) ? Object.keys(JSON.parse(readFileSync(cacheFile, "utf8")).entries) : []).toEqual([]);
    expect(await problemsOf(adsProject(ADS_DOMAIN, broken))).toEqual(first);
  });

  it("ignores a cache written by another version of the analyser", async () => {
    await loadProject(adsProject());
    const stored = JSON.parse(readFileSync(cacheFile, "utf8")) as { analyser: string; entries: Record<string, unknown> };
    writeFileSync(cacheFile, JSON.stringify({ ...stored, analyser: "another-analyser" }));
    expect(await countsFor(adsProject())).toEqual({ hits: 0, misses: 1 });
  });

  it("reads but never writes with BAIKAL_CACHE=read-only, and does neither with BAIKAL_CACHE=off", async () => {
    vi.stubEnv("BAIKAL_CACHE", "read-only");
    await loadProject(adsProject());
    expect(existsSync(cacheFile)).toBe(false);
    vi.stubEnv("BAIKAL_CACHE", "off");
    await loadProject(adsProject());
    expect(existsSync(cacheFile)).toBe(false);
    expect(analysisCacheFile("/anywhere")).toBe(cacheFile);
  });
});
