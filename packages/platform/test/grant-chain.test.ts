import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/compiler/build-app.ts";
import type { DomainInput } from "../src/declarations/domain.ts";
import type { PartitionKeyInput } from "../src/declarations/table.ts";
import { loadProject } from "../src/loading/load-project.ts";
import type { Project } from "../src/loading/project.ts";
import { ADS, GOVERNED_ORGANISATION, WEB, WEB_SQL } from "./grants-support.ts";
import { configSource, domainSource, NEWSLY_ROOT, resources, type TerraformJson, writeProject } from "./support.ts";

const GRANT = "aws_lakeformation_permissions.";

/**
 * Walks a stack's grants through their depends_on from the one that waits for no other grant. The grants are
 * totally ordered when every step finds exactly one grant waiting for the last, and the walk visits them all;
 * `forks` names the grants that would run at the same time.
 */
function grantOrder(json: TerraformJson): { order: string[]; forks: string[]; total: number } {
  const waitsFor = new Map(
    Object.entries(resources(json, "aws_lakeformation_permissions")).map(([name, grant]) => [
      `${GRANT}${name}`,
      ((grant.depends_on ?? []) as string[]).filter((d) => d.startsWith(GRANT)),
    ]),
  );
  const order: string[] = [];
  let next = [...waitsFor].filter(([, grants]) => grants.length === 0).map(([address]) => address);
  while (next.length === 1 && order.length <= waitsFor.size) {
    order.push(next[0]!);
    next = [...waitsFor].filter(([, grants]) => grants.includes(order.at(-1)!)).map(([address]) => address);
  }
  return { order, forks: next, total: waitsFor.size };
}

async function synthAll(project: Project): Promise<Record<string, TerraformJson>> {
  const { stacks } = await buildApp(project, { target: "offline", outdir: Testing.app().outdir });
  return Object.fromEntries(stacks.map((s) => [s.node.id, JSON.parse(Testing.synth(s)) as TerraformJson]));
}

const day: PartitionKeyInput = { name: "dt", description: "Day.", projection: { type: "date", format: "yyyy-MM-dd", range: ["2024-01-01", "NOW"] } };
/** `web` of the governance tests, with two transforms that grant their run roles on its tables. */
const WEB_WITH_TRANSFORMS: DomainInput = {
  ...WEB,
  grants: [
    { to: "analysts", table: "page_views", columns: ["url", "view_id"] },
    { to: "analysts", view: "daily_views", acknowledgeBaseColumns: ["web.page_views.view_id"] },
    { to: "bi", table: "page_views", excludeColumns: ["user_id"] },
  ],
  tables: [
    ...WEB.tables!,
    {
      name: "daily_urls",
      description: "Views per URL and day.",
      zone: "curated",
      format: "parquet",
      columns: [{ name: "url", type: "string", description: "Page." }, { name: "view_count", type: "bigint", description: "Views." }],
      partitionKeys: [day],
    },
    {
      name: "url_totals",
      description: "Views per URL.",
      zone: "curated",
      format: "parquet",
      columns: [{ name: "url", type: "string", description: "Page." }, { name: "view_count", type: "bigint", description: "Views." }],
    },
  ],
  transforms: [
    { name: "daily_urls", description: "Views per URL and day.", target: "daily_urls", mode: "incremental", schedule: { expression: "cron(0 4 * * ? *)", timezone: "UTC" } },
    { name: "url_totals", description: "Views per URL.", target: "url_totals", mode: "full_refresh" },
  ],
};
const TRANSFORM_SQL = {
  "domains/web/transforms/daily_urls.sql": "SELECT url, count(*) AS view_count, dt\nFROM page_views\nWHERE dt = {{ run_date }}\nGROUP BY url, dt\n",
  "domains/web/transforms/url_totals.sql": "SELECT url, sum(view_count) AS view_count\nFROM daily_urls\nGROUP BY url\n",
};

describe("the Lake Formation grant chain", () => {
  it("orders every grant of a domain stack, its transforms' and its governance's, one after another", async () => {
    const root = writeProject({
      "baikal.config.ts": configSource(GOVERNED_ORGANISATION),
      "domains/web/domain.ts": domainSource(WEB_WITH_TRANSFORMS),
      "domains/ads/domain.ts": domainSource(ADS),
      ...WEB_SQL,
      ...TRANSFORM_SQL,
    });
    const web = (await synthAll(await loadProject(root)))["domain-web-staging"]!;
    const { order, forks, total } = grantOrder(web);
    expect(forks).toEqual([]);
    expect(order).toHaveLength(total);
    const names = order.map((address) => address.slice(GRANT.length));
    // The transforms' grants come first (their jobs are built first): DESCRIBE on their database and on `default`,
    // then their tables; then the governance grants continue the line.
    expect(names.slice(0, 8)).toEqual([
      "transform_daily_urls_grant_database_web",
      "transform_daily_urls_grant_database_default",
      "transform_daily_urls_grant_page_views",
      "transform_daily_urls_grant_daily_urls",
      "transform_url_totals_grant_database_web",
      "transform_url_totals_grant_database_default",
      "transform_url_totals_grant_daily_urls",
      "transform_url_totals_grant_url_totals",
    ]);
    expect(names.slice(8).every((name) => name.startsWith("grant_"))).toBe(true);
    expect(names.length).toBeGreaterThan(8);
    // The first governance grant still waits for what it grants on, as well as for the last transform grant.
    expect(resources(web, "aws_lakeformation_permissions")[names[8]!]!.depends_on).toEqual(
      expect.arrayContaining(["aws_glue_catalog_database.database", `${GRANT}transform_url_totals_grant_url_totals`]),
    );
  });

  it("orders every grant of every stack of the Newsly fixture", async () => {
    const stacks = await synthAll(await loadProject(NEWSLY_ROOT));
    const chains = Object.entries(stacks).map(([stack, json]) => {
      const { order, forks, total } = grantOrder(json);
      return { stack, ordered: order.length, total, forks };
    });
    expect(chains.filter((c) => c.total > 0).length).toBeGreaterThan(3);
    expect(chains.filter((c) => c.forks.length > 0 || c.ordered !== c.total)).toEqual([]);
    // The news domain makes both kinds of grants, so its chain joins them.
    expect(grantOrder(stacks["domain-news-staging"]!).order.some((a) => a.includes("transform_"))).toBe(true);
  });
});
