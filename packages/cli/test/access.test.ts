import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { governedProject } from "../../platform/test/grants-support.ts";
import { NEWSLY_ROOT } from "../../platform/test/support.ts";
import { type AccessReport, formatAccessReport } from "../src/commands/access.ts";
import { baikal } from "./support.ts";

interface Entry {
  readonly principal: string;
  readonly principalArn: string;
  readonly resource: string;
  readonly columns: string[];
  readonly rowFilter?: { name: string; expression: string };
  readonly through: string;
  readonly stack: string;
  readonly address: string;
}

const entry = (columns: string[]) => ({
  environment: "staging",
  principal: "analysts",
  principalArn: "arn:aws:iam::111111111111:role/analyst",
  crossAccount: false,
  resource: "web.page_views",
  kind: "table",
  columns,
  through: "columns",
  stack: "domain-web-staging",
  address: "aws_lakeformation_permissions.grant_analysts_page_views",
});

describe("baikal access", () => {
  const root = governedProject([
    { to: "analysts", table: "page_views", columns: ["url"] },
    { to: "bi", view: "daily_views", acknowledgeBaseColumns: ["web.page_views.view_id"] },
    { to: "analysts", table: "page_views", rowFilter: "japan" },
  ]);

  it("prints principal x table or view x columns x row filter per environment", () => {
    const run = baikal(["access", "--env", "staging"], root, { COLUMNS: "" });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "staging: 4 grants of data",
        "principal  table or view           columns           row filter             granted through",
        "analysts   web.page_views (table)  url               -                      columns [domain-web-staging]",
        "analysts   web.page_views (table)  view_id, url, dt  japan: country = 'jp'  row-filter [domain-web-staging]",
        "bi         web.daily_views (view)  dt, view_count    -                      view [domain-web-staging]",
        "bi         web.page_views (table)  view_id, dt       -                      view web.daily_views [domain-web-staging]",
        "",
      ].join("\n"),
    );
  });

  it("shows one domain's tables and views with --domain, as blocks of lines when the terminal is narrow", () => {
    const run = baikal(["access", "--env", "staging", "--domain", "web"], root, { COLUMNS: "60" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(
      [
        "staging: 4 grants of data",
        "",
        "analysts: web.page_views (table)",
        "  columns:    url",
        "  row filter: -",
        "  through:    columns [domain-web-staging]",
        "",
        "analysts: web.page_views (table)",
        "  columns:    view_id, url, dt",
        "  row filter: japan: country = 'jp'",
        "  through:    row-filter [domain-web-staging]",
        "",
        "bi: web.daily_views (view)",
        "  columns:    dt, view_count",
        "  row filter: -",
        "  through:    view [domain-web-staging]",
        "",
        "bi: web.page_views (table)",
        "  columns:    view_id, dt",
        "  row filter: -",
        "  through:    view web.daily_views [domain-web-staging]",
        "",
      ].join("\n"),
    );
    const unknown = baikal(["access", "--domain", "wbe"], root);
    expect(unknown.stderr).toBe('baikal: unknown domain "wbe"; did you mean "web"? (domains: ads, web)\n');
  });

  it("wraps long column lists at commas to the terminal's width", () => {
    const report = { environments: [{ environment: "staging", access: [entry(["a_long_column", "another_long_column", "a_third_one", "dt"])] }] };
    expect(formatAccessReport(report as unknown as AccessReport, 50)).toBe(
      [
        "staging: 1 grant of data",
        "",
        "analysts: web.page_views (table)",
        "  columns:    a_long_column, another_long_column,",
        "              a_third_one, dt",
        "  row filter: -",
        "  through:    columns [domain-web-staging]",
        "",
      ].join("\n"),
    );
  });

  it("fails when the environment is unknown", () => {
    const run = baikal(["access", "--env", "prod"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('baikal: unknown environment "prod"; environments: staging, production\n');
  });

  it("prints JSON that matches the grants in the synthesized stacks of the Newsly fixture", () => {
    const run = baikal(["access", "--json"], NEWSLY_ROOT);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { environments: { environment: string; access: Entry[] }[] };
    expect(report.environments.map((e) => e.environment)).toEqual(["staging", "production"]);
    const outdir = mkdtempSync(join(tmpdir(), "baikal-access-"));
    expect(baikal(["synth", "--outdir", outdir], NEWSLY_ROOT).code).toBe(0);
    const stacks = new Map<string, { resource: { aws_lakeformation_permissions?: Record<string, Record<string, unknown>> } }>();
    const stack = (name: string) => {
      if (!stacks.has(name)) stacks.set(name, JSON.parse(readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8")));
      return stacks.get(name)!;
    };
    const kinds = new Set<string>();
    for (const { access } of report.environments) {
      for (const entry of access) {
        const grant = stack(entry.stack).resource.aws_lakeformation_permissions?.[entry.address.split(".")[1]!];
        expect(grant, `${entry.stack} ${entry.address}`).toBeDefined();
        expect(grant!.principal).toBe(entry.principalArn);
        const columns = (grant!.table_with_columns as { column_names?: string[] } | undefined)?.column_names;
        if (columns) expect([...columns].sort()).toEqual([...entry.columns].sort());
        kinds.add(entry.through.split(/[ ,]/)[0]!);
      }
    }
    // Newsly exercises every kind of grant.
    expect([...kinds].sort()).toEqual(["columns", "dataset", "excluded-columns", "exported", "row-filter", "table", "tags", "view"]);
    expect(report.environments[0]!.access.some((e) => e.stack.startsWith("consumer-"))).toBe(true);
  });
});
