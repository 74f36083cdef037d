import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadProject, type Project } from "@baikal/platform/project";
import { chromium } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { accessReportOf } from "../src/commands/access.ts";
import { type DocsCatalog, docsCatalog } from "../src/docs-site/catalog-model.ts";
import { layoutLineage } from "../src/docs-site/lineage-svg.ts";
import { describeSchedule } from "../src/docs-site/plain-words.ts";
import { queryHints } from "../src/docs-site/query-hints.ts";
import type { SearchEntry } from "../src/docs-site/search-index.ts";
import { siteFiles } from "../src/docs-site/write-site.ts";
import { NEWSLY_ROOT } from "../../platform/test/support.ts";
import { baikal } from "./support.ts";

/** The docs site of the Newsly fixture: its own organisation, so domains/ can change freely. */
describe("docs site", () => {
  let project: Project;
  let catalog: DocsCatalog;
  let files: Map<string, string>;
  beforeAll(async () => {
    project = await loadProject(NEWSLY_ROOT);
    catalog = docsCatalog(project, accessReportOf(project));
    files = siteFiles(catalog);
  });

  it("writes an index, a lineage page, a page per domain and the search index, all in one folder", () => {
    expect([...files.keys()].sort()).toEqual([
      "domain-ads.html",
      "domain-news.html",
      "domain-platform.html",
      "domain-sales.html",
      "index.html",
      "lineage.html",
      "search-index.js",
      "search-index.json",
      "search.js",
    ]);
    const index = files.get("index.html")!;
    expect(index).toContain("<h1>Data catalog of newsly</h1>");
    for (const domain of ["ads", "news", "sales", "platform"]) expect(index).toContain(`href="domain-${domain}.html"`);
  });

  it("loads nothing from the network: no http(s) URL in any src or href", () => {
    for (const [name, html] of files) {
      if (!name.endsWith(".html")) continue;
      expect([...html.matchAll(/(?:src|href)="(https?:)?\/\//g)], name).toEqual([]);
    }
  });

  it("links only to pages and anchors that exist", () => {
    const ids = new Map([...files].map(([name, html]) => [name, new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!))]));
    for (const [name, html] of files) {
      if (!name.endsWith(".html")) continue;
      for (const [, href] of html.matchAll(/<a href="([^"]+)"/g)) {
        if (href!.startsWith("data:")) continue;
        const [file, fragment] = href!.replace(/&amp;/g, "&").split("#") as [string, string | undefined];
        const target = file === "" ? name : file;
        expect(ids.has(target), `${name} links to ${href}`).toBe(true);
        if (fragment) expect(ids.get(target)!.has(fragment), `${name} links to ${href}`).toBe(true);
      }
    }
  });

  it("shows a table's columns with types, tags and partition keys, its transform, and who can read it", () => {
    const news = files.get("domain-news.html")!;
    const card = news.slice(news.indexOf('<section class="card" id="article_views">'));
    const section = card.slice(0, card.indexOf("</section>"));
    expect(section).toContain("<code>dwell_time_ms</code></td><td><code>int</code></td><td>Milliseconds the article stayed on screen; null when the app was killed.</td>");
    expect(section).toContain("<code>dt</code> <span");
    expect(section).toContain("partition key");
    expect(section).toContain('<span class="badge tag">classification: internal</span>');
    expect(section).toContain("Who can read it");
    expect(section).not.toContain("Tags of its own");
    const ads = files.get("domain-ads.html")!;
    const impressions = ads.slice(ads.indexOf('<section class="card" id="impressions">'));
    expect(impressions.slice(0, impressions.indexOf("</section>"))).toContain(
      '<td><code>user_id</code></td><td><code>bigint</code></td><td>Pseudonymous reader id (same space as news.article_views.user_id).</td><td><span class="badge tag">classification: pii</span></td>',
    );
    const transform = news.slice(news.indexOf('id="transform-article_view_facts"'));
    expect(transform).toContain("<strong>Runs:</strong> every day at 04:30 (Asia/Tokyo), for the day before.");
    expect(transform).toContain("<li>no two rows share the same event_id</li>");
    expect(transform).toContain("<li>referrer is always one of: feed, push, search, share, unknown</li>");
  });

  it("says on each table's card how to filter on its partition keys, with an example query", () => {
    const news = files.get("domain-news.html")!;
    const card = news.slice(news.indexOf('<section class="card" id="article_views">'));
    const section = card.slice(0, card.indexOf("</section>"));
    expect(section).toContain(
      "<li><code>dt</code>: a day written as yyyy-MM-dd, from 2023-01-01 to now; filter with = or with a range (&gt;=, &lt;, BETWEEN), e.g. <code>dt = &#39;2023-01-01&#39;</code></li>",
    );
    expect(section).toContain("<pre><code>SELECT *\nFROM news.article_views\nWHERE dt = &#39;2023-01-01&#39;\nLIMIT 100</code></pre>");
    const impressions = catalog.domains.find((d) => d.name === "ads")!.datasets.find((t) => t.name === "impressions")!;
    expect(impressions.query!.keys.map((k) => k.condition)).toEqual(["dt = '2023-01-01'", "hour = 0"]);
    expect(impressions.query!.keys[1]!.words).toBe("a number from 0 to 23, written with 2 digits; filter with = or IN (...)");
  });

  it("names every key Athena cannot list in the example query, and gives relative date ranges a recent day", () => {
    const hints = queryHints(
      "ads.reports",
      [
        { name: "dt", type: "date", projection: { type: "date", format: "yyyy-MM-dd", range: ["NOW-2YEARS", "NOW"] } },
        { name: "region", projection: { type: "enum", values: ["jp", "na"] } },
        { name: "advertiser_id", projection: { type: "injected" } },
      ],
      new Date("2024-03-01T10:00:00Z"),
    );
    expect(hints.example).toBe("SELECT *\nFROM ads.reports\nWHERE dt = DATE '2024-02-29'\n  AND advertiser_id = '<value>'\nLIMIT 100");
    expect(hints.keys.map((k) => k.words)).toEqual([
      "a day written as yyyy-MM-dd, from NOW-2YEARS to now; filter with = or with a range (>=, <, BETWEEN)",
      "one of jp, na; filter with = or IN (...)",
      "any value, which Athena cannot list: every query must name it with = or IN (...), or it fails",
    ]);
    expect(queryHints("web.events", []).example).toBe("SELECT *\nFROM web.events\nLIMIT 100");
  });

  it("shows each view's SQL and the readers of the access report, environment by environment", () => {
    const view = catalog.domains.find((d) => d.name === "news")!.datasets.find((t) => t.name === "daily_article_kpis")!;
    expect(view.kind).toBe("view");
    expect(view.sql!.file).toBe("domains/news/views/daily_article_kpis.sql");
    expect(files.get("domain-news.html")).toContain(view.sql!.text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;"));
    const report = accessReportOf(project);
    const entries = report.environments.flatMap((e) => e.access.filter((a) => a.resource === view.id));
    expect(view.readers.map((r) => `${r.environment}:${r.principal}`)).toEqual(entries.map((a) => `${a.environment}:${a.principal}`));
  });

  it("indexes domains, tables, views, columns and transforms with links for the search box", () => {
    const index = JSON.parse(files.get("search-index.json")!) as SearchEntry[];
    expect(index).toContainEqual({
      kind: "column",
      name: "dwell_time_ms",
      where: "news.article_views",
      description: "Milliseconds the article stayed on screen; null when the app was killed.",
      href: "domain-news.html#article_views",
    });
    expect(new Set(index.map((e) => e.kind))).toEqual(new Set(["domain", "table", "view", "column", "transform"]));
    expect(files.get("search-index.js")).toBe(`window.BAIKAL_SEARCH_INDEX = ${JSON.stringify(index)};\n`);
  });

  it("escapes declared text, so a description cannot inject markup", () => {
    const hostile = { ...catalog, domains: catalog.domains.map((d) => ({ ...d, description: `<script>alert("x")</script> & more` })) };
    const html = siteFiles(hostile).get("index.html")!;
    expect(html).not.toContain('<script>alert("x")');
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more");
  });

  it("lays the lineage out in layers by dependency depth, left to right", () => {
    const placed = new Map(layoutLineage(catalog.lineage).map((n) => [n.id, n]));
    expect(placed.get("news.article_views")!.layer).toBe(0);
    expect(placed.get("news.article_view_facts()")!.layer).toBe(1);
    expect(placed.get("news.article_view_facts")!.layer).toBe(2);
    expect(placed.get("news.daily_article_stats()")!.layer).toBe(3);
    const positions = [...placed.values()].map((n) => `${n.x},${n.y}`);
    expect(new Set(positions).size).toBe(positions.length);
  });

  it("says when a transform runs in words", () => {
    expect(describeSchedule({ expression: "cron(0 6 ? * MON *)", timezone: "UTC", lagDays: 0 }, [])).toBe("every Monday at 06:00 (UTC), for the same day");
    expect(describeSchedule(undefined, ["news.article_view_facts"])).toBe("after news.article_view_facts finishes");
    expect(describeSchedule({ expression: "rate(6 hours)", timezone: "UTC" }, [])).toBe("every 6 hours (UTC), for the day before");
  });

  it("is built by `baikal docs --outdir`", () => {
    const outdir = join(mkdtempSync(join(tmpdir(), "baikal-docs-")), "site");
    const run = baikal(["docs", "--outdir", outdir], NEWSLY_ROOT);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // Counted from the catalog, so a team adding a view does not turn this red.
    const datasets = catalog.domains.reduce((sum, d) => sum + d.datasets.length, 0);
    expect(run.stdout).toMatch(
      new RegExp(`^wrote the data catalog \\(${catalog.domains.length} domains, ${datasets} tables and views, ${files.size} files\\) into ${outdir} in \\d+ ms\\nopen ${outdir}/index.html in a browser\\n$`),
    );
    expect(readFileSync(join(outdir, "domain-news.html"), "utf8")).toBe(files.get("domain-news.html"));
    expect(existsSync(join(outdir, "search.js"))).toBe(true);
  });
});

describe("docs site in headless Chromium", () => {
  const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
  const VIEWS = ["news.daily_article_kpis", "news.article_daily_rank", "news.tag_daily_views", "news.weekly_category_views", "news.event_delivery_delay"];

  it("renders the pages, finds a column, draws the lineage, logs no errors and saves a screenshot", { timeout: 180_000 }, async () => {
    const site = join(mkdtempSync(join(tmpdir(), "baikal-docs-browser-")), "site");
    expect(baikal(["docs", "--outdir", site], NEWSLY_ROOT).code).toBe(0);
    const server = createServer((request, response) => {
      const name = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname).replace(/^\/+/, "") || "index.html";
      const file = join(site, basename(name));
      if (!existsSync(file)) return void response.writeHead(404).end();
      const type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".js") ? "text/javascript" : "application/json";
      response.writeHead(200, { "content-type": type }).end(readFileSync(file));
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS, timeout: 60_000 });
    const problems: string[] = [];
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.setDefaultTimeout(30_000);
      page.on("console", (m) => (m.type() === "error" || m.type() === "warning" ? problems.push(`console ${m.type()}: ${m.text()}`) : undefined));
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
      page.on("response", (r) => (r.status() >= 400 ? problems.push(`HTTP ${r.status()}: ${r.url()}`) : undefined));

      await page.goto(`${base}/index.html`);
      expect(await page.locator("h1").textContent()).toBe("Data catalog of newsly");
      await page.locator('a[href="domain-news.html"]').first().click();
      await page.waitForURL(`${base}/domain-news.html`);
      expect(await page.locator("h1").textContent()).toBe("news");
      expect(await page.locator("h2").allTextContents()).toEqual(["Tables and views", "Transforms", "Lineage", "Details"]);

      // The lineage graph is drawn: an SVG with a box (a real, laid-out rect) for every example view.
      const svg = page.locator("svg.lineage");
      await expect.poll(() => svg.count()).toBe(1);
      for (const id of VIEWS) {
        const box = await page.locator(`svg.lineage a[data-id="${id}"] rect`).boundingBox();
        expect(box, id).not.toBeNull();
        expect(box!.width).toBeGreaterThan(100);
      }
      expect(await page.locator("svg.lineage path.edge").count()).toBeGreaterThan(5);

      // Search: type a column name, see the result linking to its table, follow it.
      await page.locator("#search").pressSequentially("dwell_time");
      const hit = page.locator('#search-results a[href="domain-news.html#article_views"]');
      await hit.waitFor();
      expect(await hit.textContent()).toContain("dwell_time_ms in news.article_views");
      const screenshot = join(mkdtempSync(join(tmpdir(), "baikal-docs-shot-")), "domain-news-search.png");
      await page.screenshot({ path: screenshot });
      expect(statSync(screenshot).size).toBeGreaterThan(10_000);
      console.log(`docs site screenshot: ${screenshot}`);
      await hit.click();
      await page.waitForURL(`${base}/domain-news.html#article_views`);
      expect(await page.locator("#article_views h3").textContent()).toContain("article_views");

      // Offline from the files: the same search works from file://.
      await page.goto(pathToFileURL(join(site, "lineage.html")).href);
      expect(await page.locator("svg.lineage a").count()).toBeGreaterThanOrEqual(VIEWS.length);
      await page.locator("#search").fill("referrer");
      await page.locator('#search-results a[href="domain-news.html#article_view_facts"]').waitFor();
    } finally {
      await browser.close();
      server.close();
    }
    expect(problems).toEqual([]);
  });
});
