import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/compiler/build-app.ts";
import { compileGrants } from "../src/grants/compile-grants.ts";
import { loadProject } from "../src/loading/load-project.ts";
import type { Project } from "../src/loading/project.ts";
import { type Grants, governedProject } from "./grants-support.ts";
import { sharingMessages } from "../src/governance/ram-share-acceptance.ts";
import { resources, type TerraformJson } from "./support.ts";

const EVERY_KIND: Grants = [
  { to: "analysts", table: "page_views", columns: ["url", "view_id"] },
  { to: "bi", table: "page_views", excludeColumns: ["user_id"] },
  { to: "analysts", view: "busy_days", acknowledgeBaseColumns: ["web.page_views.view_id"] },
  { to: "analysts", tags: { classification: ["public", "internal"] } },
  { to: "analysts", table: "page_views", rowFilter: "japan" },
  { to: "partner", view: "daily_views", acknowledgeBaseColumns: ["web.page_views.view_id"] },
];

async function synthAll(grants: Grants): Promise<{ project: Project; stacks: Record<string, TerraformJson> }> {
  const project = await loadProject(governedProject(grants));
  const { stacks } = await buildApp(project, { target: "offline", outdir: Testing.app().outdir });
  return { project, stacks: Object.fromEntries(stacks.map((s) => [s.node.id, JSON.parse(Testing.synth(s)) as TerraformJson])) };
}

const permissions = (json: TerraformJson | undefined) => resources(json ?? {}, "aws_lakeformation_permissions");
const withoutMeta = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== "//" && k !== "depends_on"));
const ofPrincipal = (json: TerraformJson | undefined, principal: string) =>
  Object.fromEntries(Object.entries(permissions(json)).filter(([, r]) => r.principal === principal).map(([k, r]) => [k, withoutMeta(r)]));

const ANALYST = "arn:aws:iam::111111111111:role/analyst";

describe("governance in the synthesized stacks", async () => {
  const { project, stacks } = await synthAll(EVERY_KIND);
  const web = stacks["domain-web-staging"]!;

  it("lists the stacks, with one consumer stack per account a grant reaches", () => {
    expect(Object.keys(stacks)).toEqual([
      "platform-staging",
      "domain-ads-staging",
      "domain-web-staging",
      "consumer-333333333333-staging",
      "platform-production",
      "domain-ads-production",
      "domain-web-production",
      "consumer-444444444444-production",
    ]);
  });

  it("creates the LF-tag vocabulary in the platform stack, with Baikal's domain key", () => {
    expect(Object.values(resources(stacks["platform-staging"]!, "aws_lakeformation_lf_tag")).map(withoutMeta)).toEqual([
      { catalog_id: "111111111111", key: "classification", values: ["public", "internal", "pii"] },
      { catalog_id: "111111111111", key: "domain", values: ["ads", "web"] },
    ]);
  });

  it("tags the database, tables and columns with the singular resource", () => {
    const tags = resources(web, "aws_lakeformation_resource_lf_tag");
    expect(Object.keys(tags).sort()).toEqual(["lf_tag_database_domain", "lf_tag_page_views_classification", "lf_tag_page_views_column_user_id_classification"]);
    expect(withoutMeta(tags.lf_tag_page_views_column_user_id_classification!)).toEqual({
      catalog_id: "111111111111",
      lf_tag: [{ catalog_id: "111111111111", key: "classification", value: "pii" }],
      table_with_columns: [{ catalog_id: "111111111111", database_name: "web", name: "page_views", column_names: ["user_id"] }],
    });
    expect(resources(web, "aws_lakeformation_resource_lf_tags")).toEqual({});
  });

  it("grants a table's columns, DESCRIBE on the database, merged with what a view grant needs of the same table", () => {
    expect(ofPrincipal(web, ANALYST)).toMatchObject({
      grant_analysts_database: { permissions: ["DESCRIBE"], database: { catalog_id: "111111111111", name: "web" } },
      // url and view_id from the table grant; view_id and dt from busy_days' lineage: one resource.
      grant_analysts_page_views: {
        permissions: ["SELECT"],
        table_with_columns: { catalog_id: "111111111111", database_name: "web", name: "page_views", column_names: ["view_id", "url", "dt"] },
      },
    });
  });

  it("grants every column but the excluded ones with the column wildcard, to a QuickSight group", () => {
    expect(ofPrincipal(web, "arn:aws:quicksight:eu-west-1:111111111111:group/default/bi-authors")).toEqual({
      grant_bi_database: { catalog_id: "111111111111", principal: "arn:aws:quicksight:eu-west-1:111111111111:group/default/bi-authors", permissions: ["DESCRIBE"], database: { catalog_id: "111111111111", name: "web" } },
      grant_bi_page_views: {
        catalog_id: "111111111111",
        principal: "arn:aws:quicksight:eu-west-1:111111111111:group/default/bi-authors",
        permissions: ["SELECT"],
        table_with_columns: { catalog_id: "111111111111", database_name: "web", name: "page_views", wildcard: true, excluded_column_names: ["user_id"] },
      },
    });
  });

  it("grants a view with the views it reads and exactly the base-table columns of its lineage, nothing more", async () => {
    const alone = await synthAll([{ to: "analysts", view: "busy_days", acknowledgeBaseColumns: ["web.page_views.view_id"] }]);
    expect(ofPrincipal(alone.stacks["domain-web-staging"], ANALYST)).toEqual({
      grant_analysts_database: { catalog_id: "111111111111", principal: ANALYST, permissions: ["DESCRIBE"], database: { catalog_id: "111111111111", name: "web" } },
      grant_analysts_busy_days: { catalog_id: "111111111111", principal: ANALYST, permissions: ["DESCRIBE", "SELECT"], table: { catalog_id: "111111111111", database_name: "web", name: "busy_days" } },
      grant_analysts_daily_views: { catalog_id: "111111111111", principal: ANALYST, permissions: ["DESCRIBE", "SELECT"], table: { catalog_id: "111111111111", database_name: "web", name: "daily_views" } },
      grant_analysts_page_views: {
        catalog_id: "111111111111",
        principal: ANALYST,
        permissions: ["SELECT"],
        table_with_columns: { catalog_id: "111111111111", database_name: "web", name: "page_views", column_names: ["view_id", "dt"] },
      },
    });
    const lineage = alone.project.views.find((v) => v.id === "web.busy_days")!.lineage;
    expect(lineage.map((c) => c.column).sort()).toEqual(["dt", "view_id"]);
  });

  it("grants on LF-tags of the domain's own resources only", () => {
    expect(permissions(web).grant_analysts_tags_classification_internal_public).toMatchObject({
      permissions: ["DESCRIBE", "SELECT"],
      lf_tag_policy: {
        catalog_id: "111111111111",
        resource_type: "TABLE",
        expression: [
          { key: "domain", values: ["web"] },
          { key: "classification", values: ["internal", "public"] },
        ],
      },
    });
  });

  it("grants through a row filter: the data cells filter and SELECT on it", () => {
    expect(withoutMeta(resources(web, "aws_lakeformation_data_cells_filter").row_filter_page_views_japan!)).toEqual({
      table_data: [
        {
          table_catalog_id: "111111111111",
          database_name: "web",
          table_name: "page_views",
          name: "japan",
          row_filter: [{ filter_expression: "country = 'jp'" }],
          column_names: ["view_id", "url", "dt"],
        },
      ],
    });
    expect(permissions(web).grant_analysts_page_views_filter_japan).toMatchObject({
      permissions: ["SELECT"],
      data_cells_filter: { table_catalog_id: "111111111111", database_name: "web", table_name: "page_views", name: "japan" },
    });
  });

  it("shares with another account: producer grants with the grant option, and a consumer stack with a resource link and grants", () => {
    expect(ofPrincipal(web, "333333333333")).toMatchObject({
      grant_partner_database: { permissions: ["DESCRIBE"], permissions_with_grant_option: ["DESCRIBE"] },
      grant_partner_daily_views: { permissions: ["DESCRIBE", "SELECT"], permissions_with_grant_option: ["DESCRIBE", "SELECT"] },
      grant_partner_page_views: { table_with_columns: { column_names: ["view_id", "dt"] }, permissions_with_grant_option: ["SELECT"] },
    });
    const consumer = stacks["consumer-333333333333-staging"]!;
    // The organisation does not say how account 333333333333 receives the share: the link's plan says what to do.
    const { lifecycle, ...link } = withoutMeta(resources(consumer, "aws_glue_catalog_database").link_web!) as Record<string, unknown>;
    expect(link).toEqual({ name: "web", catalog_id: "333333333333", target_database: { catalog_id: "111111111111", database_name: "web" } });
    expect(lifecycle).toMatchObject({ precondition: [{ error_message: sharingMessages.notDeclared("333333333333", "111111111111", "eu-west-1") }] });
    const reader = "arn:aws:iam::333333333333:role/reader";
    expect(ofPrincipal(consumer, reader)).toEqual({
      grant_partner_reader_web_link: { catalog_id: "333333333333", principal: reader, permissions: ["DESCRIBE"], database: { catalog_id: "333333333333", name: "web" } },
      grant_partner_reader_web_daily_views: {
        catalog_id: "333333333333",
        principal: reader,
        permissions: ["DESCRIBE", "SELECT"],
        table: { catalog_id: "111111111111", database_name: "web", name: "daily_views" },
      },
      grant_partner_reader_web_page_views: {
        catalog_id: "333333333333",
        principal: reader,
        permissions: ["SELECT"],
        table_with_columns: { catalog_id: "111111111111", database_name: "web", name: "page_views", column_names: ["view_id", "dt"] },
      },
      // The reader queries in its own account, whose Athena describes that account's `default`.
      default_database_partner_reader: {
        catalog_id: "333333333333",
        principal: reader,
        permissions: ["DESCRIBE"],
        database: { catalog_id: "333333333333", name: "default" },
      },
    });
    expect(consumer.provider!.aws![0]).toMatchObject({ region: "eu-west-1", skip_requesting_account_id: true });
  });

  it("grants a role of another account directly, and gives it only DESCRIBE on the link in its account", async () => {
    const direct = await synthAll([{ to: "partner_reader", table: "page_views", columns: ["url"] }]);
    const reader = "arn:aws:iam::333333333333:role/reader";
    expect(ofPrincipal(direct.stacks["domain-web-staging"], reader)).toMatchObject({
      grant_partner_reader_page_views: { principal: reader, table_with_columns: { column_names: ["url"] } },
    });
    expect(permissions(direct.stacks["domain-web-staging"]).grant_partner_reader_page_views).not.toHaveProperty("permissions_with_grant_option");
    expect(Object.keys(permissions(direct.stacks["consumer-333333333333-staging"])).sort()).toEqual(["default_database_partner_reader", "grant_partner_reader_web_link"]);
  });

  it("runs the consumer stack against the consumer account for real plans", async () => {
    const { stacks: real } = await buildApp(project, { target: "aws", outdir: Testing.app().outdir, stacks: ["consumer-333333333333-staging"] });
    expect(JSON.parse(Testing.synth(real[0]!)).provider.aws[0]).toMatchObject({ allowed_account_ids: ["333333333333"] });
  });

  it("never grants ALL, and serializes each stack's grants in one dependsOn chain after the resources", () => {
    for (const json of Object.values(stacks)) {
      const grants = permissions(json);
      const before = (r: Record<string, unknown>) => ((r.depends_on as string[] | undefined) ?? []).filter((d) => d.startsWith("aws_lakeformation_permissions."));
      for (const r of Object.values(grants)) {
        expect(r.permissions).not.toContain("ALL");
        expect(before(r).length).toBeLessThanOrEqual(1);
      }
      // One grant starts the chain, after the resources; each other waits for exactly one, and the chain reaches all.
      const firsts = Object.entries(grants).filter(([, r]) => before(r).length === 0);
      if (firsts.length === 0) continue;
      expect(firsts).toHaveLength(1);
      expect(((firsts[0]![1].depends_on as string[] | undefined) ?? []).length).toBeGreaterThan(0);
      const chain = [firsts[0]![0]];
      for (;;) {
        const next = Object.entries(grants).filter(([, r]) => before(r)[0] === `aws_lakeformation_permissions.${chain[chain.length - 1]}`);
        if (next.length === 0) break;
        expect(next).toHaveLength(1);
        chain.push(next[0]![0]);
      }
      expect(chain.sort()).toEqual(Object.keys(grants).sort());
    }
  });

  it("keeps every address and attribute when grants are reordered", async () => {
    const reordered = await synthAll([...EVERY_KIND].reverse());
    for (const name of Object.keys(stacks)) {
      expect(permissions(reordered.stacks[name])).toEqual(permissions(stacks[name]));
    }
  });

  it("merges a whole-table grant with a column grant into one whole-table grant", async () => {
    const merged = await synthAll([
      { to: "scientists", table: "page_views" },
      { to: "scientists", view: "daily_views", acknowledgeBaseColumns: ["web.page_views.view_id"] },
    ]);
    const grants = ofPrincipal(merged.stacks["domain-web-staging"], "arn:aws:iam::111111111111:role/scientist");
    expect(Object.keys(grants).sort()).toEqual(["grant_scientists_daily_views", "grant_scientists_database", "grant_scientists_page_views"]);
    expect(grants.grant_scientists_page_views).toMatchObject({ permissions: ["DESCRIBE", "SELECT"], table: { name: "page_views" } });
  });

  it("reports exactly what the synthesized stacks grant", () => {
    const { grants } = compileGrants(project);
    for (const env of grants!.environments) {
      const fromReport = env.access.map((a) => `${a.stack} ${a.address} ${a.principalArn} ${a.resource} ${a.columns.join(",")} ${a.rowFilter?.name ?? "-"}`).sort();
      const fromStacks = Object.entries(stacks)
        .filter(([name]) => name.endsWith(`-${env.environment}`))
        .flatMap(([name, json]) => synthesizedAccess(project, name, json))
        .sort();
      expect(fromReport).toEqual(fromStacks);
      expect(fromReport.length).toBeGreaterThan(0);
    }
  });
});

/** Reads the grants of data back from synthesized JSON, independently of the compiler's access entries. */
function synthesizedAccess(project: Project, stack: string, json: TerraformJson): string[] {
  const columnsOf = (database: string, name: string): string[] => {
    const domain = project.domains.find((d) => d.name === database)!;
    const table = domain.tables?.find((t) => t.name === name);
    if (table) return [...table.columns.map((c) => c.name), ...(table.partitionKeys ?? []).map((k) => k.name)];
    return domain.views!.find((v) => v.name === name)!.columns.map((c) => c.name);
  };
  const filters = resources(json, "aws_lakeformation_data_cells_filter");
  return Object.entries(permissions(json)).flatMap(([id, r]) => {
    const line = (resource: string, columns: string[], filter = "-") => `${stack} aws_lakeformation_permissions.${id} ${String(r.principal)} ${resource} ${columns.join(",")} ${filter}`;
    const t = (r.table ?? r.table_with_columns) as { database_name: string; name: string; column_names?: string[]; excluded_column_names?: string[] } | undefined;
    if (t) {
      const all = columnsOf(t.database_name, t.name);
      const columns = t.column_names ? all.filter((c) => t.column_names!.includes(c)) : all.filter((c) => !(t.excluded_column_names ?? []).includes(c));
      return [line(`${t.database_name}.${t.name}`, columns)];
    }
    const cells = r.data_cells_filter as { database_name: string; table_name: string; name: string } | undefined;
    if (cells) {
      const data = (Object.values(filters).find((f) => (f.table_data as { name: string }[])[0]!.name === cells.name)!.table_data as { column_names?: string[] }[])[0]!;
      const all = columnsOf(cells.database_name, cells.table_name);
      return [line(`${cells.database_name}.${cells.table_name}`, data.column_names ? all.filter((c) => data.column_names!.includes(c)) : all, cells.name)];
    }
    const policy = r.lf_tag_policy as { expression: { key: string; values: string[] }[] } | undefined;
    if (policy) {
      const domainName = policy.expression.find((c) => c.key === "domain")!.values[0]!;
      const domain = project.domains.find((d) => d.name === domainName)!;
      return (domain.tables ?? []).flatMap((table) => {
        const matching = columnsOf(domainName, table.name).filter((column) =>
          policy.expression.every((c) => c.key === "domain" || c.values.includes(table.columns.find((x) => x.name === column)?.tags?.[c.key] ?? table.tags?.[c.key] ?? "")),
        );
        return matching.length > 0 ? [line(`${domainName}.${table.name}`, matching)] : [];
      });
    }
    return [];
  });
}
