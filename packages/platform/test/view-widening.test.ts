import { describe, expect, it } from "vitest";
import { compileGrants } from "../src/grants/compile-grants.ts";
import { loadProject } from "../src/loading/load-project.ts";
import { configSource, domainSource, writeProject } from "./support.ts";
import { ADS, GOVERNED_ORGANISATION, type Grants, governedProject, problemsOf, WEB, WEB_SQL } from "./grants-support.ts";

const CHOICES =
  "Choose one: acknowledge it (acknowledgeBaseColumns: [\"web.page_views.view_id\"]); grant a curated table that a transform materializes from the view's query instead; or narrow the view so it reads only what it outputs";

/** `web` with more views (name, output columns, SQL) besides daily_views and busy_days. */
function withViews(grants: Grants, views: [string, string[], string][], datasets: unknown[] = []): string {
  return writeProject({
    "baikal.config.ts": configSource(GOVERNED_ORGANISATION),
    "domains/web/domain.ts": domainSource({
      ...WEB,
      views: [...WEB.views!, ...views.map(([name, columns]) => ({ name, description: `${name}.`, columns: columns.map((c) => ({ name: c, type: "string", description: `${c}.` })) }))],
      grants,
      datasets,
    }),
    "domains/ads/domain.ts": domainSource(ADS),
    ...WEB_SQL,
    ...Object.fromEntries(views.map(([name, , sql]) => [`domains/web/views/${name}.sql`, sql])),
  });
}

describe("view grants never widen access by surprise", () => {
  it("refuses a view grant whose lineage reaches base columns the view does not output, with the list and the choices", async () => {
    expect(await problemsOf(governedProject([{ to: "analysts", view: "daily_views" }]))).toEqual([
      `domains/web/domain.ts:107:15: grants[0].view: web.daily_views reads a base column it does not output: web.page_views.view_id; Athena runs the view with the reader's own permissions, so this grant also gives "analysts" that column of the tables themselves, row by row. ${CHOICES}`,
    ]);
  });

  it("looks through views: a view over a view widens to what the view beneath computes with", async () => {
    expect(await problemsOf(governedProject([{ to: "analysts", view: "busy_days" }]))).toEqual([
      `domains/web/domain.ts:107:15: grants[0].view: web.busy_days reads a base column it does not output: web.page_views.view_id; Athena runs the view with the reader's own permissions, so this grant also gives "analysts" that column of the tables themselves, row by row. ${CHOICES}`,
    ]);
  });

  it("says the grant option passes the columns on when the grant is to another account", async () => {
    expect(await problemsOf(governedProject([{ to: "partner", view: "daily_views" }]))).toEqual([
      `domains/web/domain.ts:107:15: grants[0].view: web.daily_views reads a base column it does not output: web.page_views.view_id; Athena runs the view with the reader's own permissions, so this grant also gives account "partner" that column of the tables themselves, row by row, with the grant option to pass them on inside that account. ${CHOICES}`,
    ]);
  });

  it("loads an acknowledged grant, and a view that outputs every column it reads needs none", async () => {
    const root = withViews(
      [
        { to: "analysts", view: "daily_views", acknowledgeBaseColumns: ["web.page_views.view_id"] },
        { to: "analysts", view: "urls" },
        { to: "analysts", view: "renamed" },
      ],
      [
        ["urls", ["dt", "url"], "SELECT dt, url FROM page_views UNION ALL SELECT * FROM (SELECT dt, url FROM page_views)\n"],
        ["renamed", ["page", "day"], "WITH p AS (SELECT url AS page, dt FROM page_views) SELECT page, (dt) AS day FROM p\n"],
      ],
    );
    const project = await loadProject(root);
    expect(compileGrants(project).problems).toEqual([]);
  });

  it("counts a column computed with, filtered on or cast as widened, even when the output keeps its name", async () => {
    const root = withViews(
      [{ to: "analysts", view: "hidden" }],
      [["hidden", ["url", "dt"], "SELECT lower(url) AS url, CAST(dt AS varchar) AS dt FROM page_views WHERE country = 'jp'\n"]],
    );
    expect(await problemsOf(root)).toEqual([
      `domains/web/domain.ts:123:15: grants[0].view: web.hidden reads 3 base columns it does not output: web.page_views.url, web.page_views.dt, web.page_views.country; Athena runs the view with the reader's own permissions, so this grant also gives "analysts" those columns of the tables themselves, row by row. Choose one: acknowledge them (acknowledgeBaseColumns: ["web.page_views.url", "web.page_views.dt", "web.page_views.country"]); grant a curated table that a transform materializes from the view's query instead; or narrow the view so it reads only what it outputs`,
    ]);
  });

  it("refuses stale acknowledgements: a column the view outputs, one it does not read", async () => {
    const root = governedProject([{ to: "analysts", view: "daily_views", acknowledgeBaseColumns: ["web.page_views.view_id", "web.page_views.dt", "web.page_views.url"] }]);
    expect(await problemsOf(root)).toEqual([
      'domains/web/domain.ts:110:9: grants[0].acknowledgeBaseColumns[1]: "web.page_views.dt" is in the output of web.daily_views, so the grant gives no more than the view shows; remove it from acknowledgeBaseColumns',
      'domains/web/domain.ts:111:9: grants[0].acknowledgeBaseColumns[2]: web.daily_views does not read "web.page_views.url" (base columns it reads without outputting them: web.page_views.view_id); remove it from acknowledgeBaseColumns',
    ]);
  });

  it("takes acknowledgements on view grants only, and in the database.table.column form", async () => {
    expect(await problemsOf(governedProject([{ to: "analysts", table: "page_views", columns: ["url"], acknowledgeBaseColumns: ["web.page_views.view_id"] }]))).toEqual([
      "domains/web/domain.ts:111:7: grants[0].acknowledgeBaseColumns: acknowledgeBaseColumns applies to view grants only: a table or tag grant gives exactly what it names; remove it",
    ]);
    expect(await problemsOf(governedProject([{ to: "analysts", view: "daily_views", acknowledgeBaseColumns: ["page_views.view_id"] }]))).toEqual([
      'domains/web/domain.ts:109:9: grants[0].acknowledgeBaseColumns[0]: name a base column as database.table.column, e.g. "news.article_views.user_id"',
    ]);
  });

  it("asks the same of a dataset, whose readers get what a grant of its view gives", async () => {
    const busy = { name: "busy_days", description: "Busy days.", view: "busy_days", mode: "DIRECT_QUERY", readers: ["bi"] };
    expect(await problemsOf(withViews([], [], [busy]))).toEqual([
      `domains/web/domain.ts:109:15: datasets[0].view: web.busy_days reads a base column it does not output: web.page_views.view_id; Athena runs the view with the reader's own permissions, so this dataset also gives the reader "bi" that column of the tables themselves, row by row. ${CHOICES}`,
    ]);
    await expect(loadProject(withViews([], [], [{ ...busy, acknowledgeBaseColumns: ["web.page_views.view_id"] }]))).resolves.toBeDefined();
  });

  it("names the view each base-column grant comes from in the access report", async () => {
    const project = await loadProject(governedProject([{ to: "analysts", view: "busy_days", acknowledgeBaseColumns: ["web.page_views.view_id"] }]));
    const staging = compileGrants(project).grants!.environments.find((e) => e.environment === "staging")!;
    expect(staging.access.map((a) => `${a.resource} ${a.columns.join(",")} ${a.through}`)).toEqual([
      "web.busy_days dt,view_count view",
      "web.daily_views dt,view_count view web.busy_days",
      "web.page_views view_id,dt view web.busy_days",
    ]);
  });
});
