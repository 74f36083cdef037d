import { describe, expect, it } from "vitest";
import type { DomainInput } from "../src/declarations/domain.ts";
import { loadProject } from "../src/loading/load-project.ts";
import { decodePrestoView } from "../src/views/presto-view.ts";
import { ADS_DOMAIN, configSource, DAILY_IMPRESSIONS_SQL, domainSource, EVENTS_DOMAIN, resources, synthDomain, writeProject, problemsOf } from "./support.ts";

const ADS = ADS_DOMAIN;
const DAILY_SQL = DAILY_IMPRESSIONS_SQL;

/** A project with the web and ads domains; `files` adds or replaces SQL files. */
function project(ads: DomainInput = ADS, files: Record<string, string> = {}, web: DomainInput = EVENTS_DOMAIN) {
  return writeProject({
    "baikal.config.ts": configSource(),
    "domains/web/domain.ts": domainSource(web),
    "domains/ads/domain.ts": domainSource(ads),
    "domains/ads/views/daily_impressions.sql": DAILY_SQL,
    ...files,
  });
}

const withView = (view: Record<string, unknown>, sql?: string) => ({
  domain: { ...ADS, views: [...ADS.views!, { name: "v", description: "V.", ...view }] } as DomainInput,
  files: (sql === undefined ? {} : { "domains/ads/views/v.sql": sql }) as Record<string, string>,
});
const column = (name: string, type = "string") => ({ name, type, description: `${name}.` });

describe("views", () => {
  it("loads a view whose SQL produces exactly its declared columns, with its lineage", async () => {
    const loaded = await loadProject(project());
    expect(loaded.views.map((v) => [v.id, v.sqlFile, v.dependsOn, v.readsTables])).toEqual([
      ["ads.daily_impressions", "domains/ads/views/daily_impressions.sql", [], ["ads.impressions"]],
    ]);
    expect(loaded.views[0]!.lineage).toEqual([{ database: "ads", table: "impressions", column: "dt" }]);
  });

  it("synthesizes a view as Athena stores it: VIRTUAL_VIEW, Presto definition with Trino types, Hive columns, SerDe", async () => {
    const loaded = await loadProject(project());
    const json = synthDomain({ ...loaded, domains: [loaded.domains.find((d) => d.name === "ads")!] });
    const view = resources(json, "aws_glue_catalog_table").view_daily_impressions!;
    expect(view).toMatchObject({
      name: "daily_impressions",
      table_type: "VIRTUAL_VIEW",
      parameters: { presto_view: "true", comment: "Presto View" },
      view_expanded_text: "/* Presto View */",
      storage_descriptor: {
        ser_de_info: { name: "-", serialization_library: "-" },
        columns: [
          { name: "dt", type: "string", comment: "Day." },
          { name: "impression_count", type: "bigint", comment: "Count." },
        ],
      },
    });
    expect(decodePrestoView(view.view_original_text as string)).toEqual({
      originalSql: DAILY_SQL.trim(),
      catalog: "awsdatacatalog",
      schema: "ads",
      columns: [
        { name: "dt", type: "varchar" },
        { name: "impression_count", type: "bigint" },
      ],
      runAsInvoker: false,
    });
  });
});

describe("views: bad input", () => {
  const sqlFor = (sql: string) => project(ADS, { "domains/ads/views/daily_impressions.sql": sql });
  const viewWith = (columns: Record<string, unknown>[], sql?: string) => {
    const w = withView({ columns }, sql);
    return project(w.domain, w.files);
  };

  it("fails when the SQL has a syntax error, at its line and column", async () => {
    expect(await problemsOf(sqlFor("SELECT dt, count(*) AS impression_count\nFROM impressions\nGROUP dt\n"))).toEqual([
      "domains/ads/views/daily_impressions.sql:3:7: syntax error: \"BY\" is missing before \"dt\"",
    ]);
  });

  it("fails when a table is unknown, suggesting the closest", async () => {
    expect(await problemsOf(sqlFor("SELECT dt, count(*) AS impression_count\nFROM impresions\nGROUP BY dt\n"))).toEqual([
      'domains/ads/views/daily_impressions.sql:2:6: unknown table or view "impresions" (a name without a database is looked up in ads); did you mean "impressions"?',
    ]);
  });

  it("fails when a column is unknown, listing the table's columns", async () => {
    expect(await problemsOf(sqlFor("SELECT dt, count(shwn) AS impression_count\nFROM impressions\nGROUP BY dt\n"))).toEqual([
      'domains/ads/views/daily_impressions.sql:1:18: column "shwn" is not in ads.impressions (columns: impression_id, campaign_id, shown, dt); did you mean "shown"?',
    ]);
  });

  it("fails when a view reads another domain's table that is not published", async () => {
    expect(await problemsOf(viewWith([column("view_id")], "SELECT view_id\nFROM web.page_views\n"))).toEqual([
      'domains/ads/views/v.sql:2:6: web.page_views belongs to domain "web" and is not published; read only what other domains publish (ask its owners to set published: true) or use your own tables',
    ]);
  });

  it("reads another domain's table once it is published", async () => {
    const web = { ...EVENTS_DOMAIN, tables: [{ ...EVENTS_DOMAIN.tables![0]!, published: true }] } as DomainInput;
    const w = withView({ columns: [column("view_id")] }, "SELECT view_id\nFROM web.page_views\n");
    const loaded = await loadProject(project(w.domain, w.files, web));
    expect(loaded.views.find((v) => v.id === "ads.v")!.lineage).toEqual([{ database: "web", table: "page_views", column: "view_id" }]);
  });

  it("fails when a declared column is missing from the SELECT", async () => {
    expect(await problemsOf(viewWith([column("dt"), column("campaign_id", "bigint")], "SELECT dt\nFROM impressions\n"))).toEqual([
      'domains/ads/domain.ts:74:19: views[1].columns[1].name: column "campaign_id" is declared but domains/ads/views/v.sql does not select it (it selects: dt); select it or remove the declaration',
    ]);
  });

  it("fails when the SELECT produces a column that is not declared, saying which type to declare", async () => {
    expect(await problemsOf(viewWith([column("dt")], "SELECT dt, campaign_id\nFROM impressions\n"))).toEqual([
      'domains/ads/views/v.sql:1:12: the SELECT produces "campaign_id", which views[1] in domains/ads/domain.ts does not declare; add it to the view\'s columns (type "bigint") or remove it from the SELECT',
    ]);
  });

  it("fails when the columns are in another order", async () => {
    expect(await problemsOf(viewWith([column("campaign_id", "bigint"), column("dt")], "SELECT dt, campaign_id\nFROM impressions\n"))).toEqual([
      "domains/ads/views/v.sql:1:8: the SELECT produces dt, campaign_id but domains/ads/domain.ts declares campaign_id, dt; Athena matches view columns by position, so put them in the same order",
    ]);
  });

  it("fails when a declared type cannot hold what the SELECT produces", async () => {
    expect(await problemsOf(viewWith([column("dt"), column("n", "int")], "SELECT dt, count(*) AS n\nFROM impressions\nGROUP BY dt\n"))).toEqual([
      'domains/ads/views/v.sql:1:12: column "n" is declared as int (integer in Athena) but the SELECT produces bigint; Athena would report the view as stale: declare it as bigint, or CAST the expression to integer',
    ]);
  });

  it("accepts a declared type the produced one widens to, as Athena does", async () => {
    const loaded = await loadProject(viewWith([column("dt"), column("n", "decimal(21,2)")], "SELECT dt, count(*) AS n\nFROM impressions\nGROUP BY dt\n"));
    expect(loaded.views.map((v) => v.id)).toContain("ads.v");
  });

  it("fails when an expression has no alias", async () => {
    expect(await problemsOf(viewWith([column("dt"), column("n", "bigint")], "SELECT dt, count(*)\nFROM impressions\nGROUP BY dt\n"))).toEqual([
      'domains/ads/views/v.sql:1:12: expression "count(*)" has no name; add "AS <name>" (Athena cannot store an unnamed view column)',
    ]);
  });

  it("fails when views read each other in a cycle, naming the cycle", async () => {
    const domain = {
      ...ADS,
      views: [...ADS.views!, { name: "a", description: "A.", columns: [column("dt")] }, { name: "b", description: "B.", columns: [column("dt")] }],
    } as DomainInput;
    const root = project(domain, { "domains/ads/views/a.sql": "SELECT dt FROM b\n", "domains/ads/views/b.sql": "SELECT dt FROM a\n" });
    expect(await problemsOf(root)).toEqual([
      "domains/ads/views/a.sql:1:16: views read each other in a cycle: ads.a -> ads.b -> ads.a; Athena cannot expand such views, so break the cycle",
    ]);
  });

  it("fails when the file holds CREATE VIEW instead of the bare SELECT", async () => {
    expect(await problemsOf(viewWith([column("dt")], "CREATE VIEW v AS\nSELECT dt FROM impressions\n"))).toEqual([
      'domains/ads/views/v.sql:1:1: write only the SELECT; Baikal creates the view from the file name and domain.ts (remove "CREATE VIEW ... AS")',
    ]);
  });

  it("fails when a declared view has no SQL file", async () => {
    expect(await problemsOf(viewWith([column("dt")]))).toEqual([
      'domains/ads/domain.ts:65:15: views[1].name: view "v" has no SQL file; create domains/ads/views/v.sql with its SELECT, or remove the declaration',
    ]);
  });

  it("fails when a SQL file has no declaration", async () => {
    expect(await problemsOf(project(ADS, { "domains/ads/views/old_report.sql": "SELECT 1 AS x\n" }))).toEqual([
      'domains/ads/views/old_report.sql:1:1: no view "old_report" is declared in domains/ads/domain.ts; add it to views (name, description, columns) or delete the file',
    ]);
  });

  it("fails when the file is empty", async () => {
    expect(await problemsOf(viewWith([column("dt")], "  \n-- nothing yet\n"))).toEqual(["domains/ads/views/v.sql:1:1: the file is empty; write one SELECT statement"]);
  });

  it("reports the SQL problems of every domain in one run", async () => {
    const web = { ...EVENTS_DOMAIN, views: [{ name: "w", description: "W.", columns: [column("x")] }] } as DomainInput;
    const root = writeProject({
      "baikal.config.ts": configSource(),
      "domains/web/domain.ts": domainSource(web),
      "domains/web/views/w.sql": "SELECT nope AS x FROM page_views\n",
      "domains/ads/domain.ts": domainSource(ADS),
      "domains/ads/views/daily_impressions.sql": "SELECT dt, count(*) AS impression_count FROM nowhere GROUP BY dt\n",
    });
    expect((await problemsOf(root)).map((p) => p.split(": ")[0])).toEqual([
      "domains/ads/views/daily_impressions.sql:1:46",
      "domains/web/views/w.sql:1:8",
    ]);
  });

  it("still checks every other domain's SQL when one domain's declarations are broken, saying nothing about what reads it", async () => {
    const publishedWeb = { ...EVENTS_DOMAIN, tables: [{ ...EVENTS_DOMAIN.tables![0]!, published: true }] } as DomainInput;
    const reader = withView({ columns: [column("view_id"), column("user_id", "bigint")] }, "SELECT view_id, user_id FROM web.page_views\n");
    const root = writeProject({
      "baikal.config.ts": configSource(),
      // web's declaration is broken: its tables cannot be known.
      "domains/web/domain.ts": domainSource({ ...publishedWeb, owners: "web-team" }),
      "domains/ads/domain.ts": domainSource(reader.domain),
      "domains/ads/views/daily_impressions.sql": "SELECT dt, count(*) AS impression_count FROM nowhere GROUP BY dt\n",
      ...reader.files,
    });
    expect(await problemsOf(root)).toEqual([
      'domains/ads/views/daily_impressions.sql:1:46: unknown table or view "nowhere" (a name without a database is looked up in ads); ads has: daily_impressions, impressions, v',
      'domains/web/domain.ts:5:13: owners: expected array, got "web-team"',
    ]);
  });
});
