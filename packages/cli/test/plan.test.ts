import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { baikal, type CliRun } from "./support.ts";

/**
 * The real thing: `baikal plan` on the bundled examples, with Terraform and the hashicorp/aws provider
 * (from BAIKAL_PROVIDER_MIRROR when set), offline. One run, then assertions on what Terraform planned.
 */
const outdir = mkdtempSync(join(tmpdir(), "baikal-plan-"));
let run: CliRun;

interface PlannedResource {
  readonly address: string;
  readonly type: string;
  readonly values: Record<string, unknown>;
}

function planned(stack: string): PlannedResource[] {
  const plan = JSON.parse(readFileSync(join(outdir, "stacks", stack, "plan.json"), "utf8")) as {
    planned_values: { root_module: { resources: PlannedResource[] } };
  };
  return plan.planned_values.root_module.resources;
}

const one = (stack: string, address: string) => {
  const found = planned(stack).find((r) => r.address === address);
  if (!found) throw new Error(`${address} is not in the plan of ${stack}`);
  return found.values;
};

describe("baikal plan on the example domains", () => {
  beforeAll(() => {
    run = baikal(["plan", "--outdir", outdir]);
    if (run.code !== 0) console.error(run.stdout, run.stderr);
  });

  it("plans every stack of every environment without an error or an AWS account", () => {
    expect(run.code).toBe(0);
    const table = run.stdout.split("\n").slice(0, 9);
    expect(table[0]).toMatch(/^stack\s+add\s+change\s+destroy\s+replace$/);
    const rows = table.slice(1).map((line) => line.trim().split(/\s+/));
    expect(rows.map((r) => r[0]).sort()).toEqual(
      ["platform", "domain-ads", "domain-news", "domain-sales"].flatMap((s) => [`${s}-production`, `${s}-staging`]).sort(),
    );
    for (const [, , change, destroy, replace] of rows) expect([change, destroy, replace]).toEqual(["0", "0", "0"]);
    expect(run.stdout).toContain("8 of 8 stacks planned");
  });

  it("creates the lake buckets with the names other stacks derive from config", () => {
    expect(one("platform-staging", "aws_s3_bucket.lake_raw")).toMatchObject({ bucket: "newsly-staging-raw-111111111111", force_destroy: false });
    expect(one("platform-production", "aws_s3_bucket.lake_curated")).toMatchObject({
      bucket: "newsly-production-curated-222222222222",
    });
  });

  it("sets the Lake Formation admins and cross-account version, and registers both data buckets", () => {
    expect(one("platform-staging", "aws_lakeformation_data_lake_settings.lake_formation")).toMatchObject({
      admins: ["arn:aws:iam::111111111111:role/baikal-deploy", "arn:aws:iam::111111111111:role/data-platform-break-glass"],
      parameters: { CROSS_ACCOUNT_VERSION: "4" },
    });
    expect(planned("platform-staging").filter((r) => r.type === "aws_lakeformation_resource")).toHaveLength(2);
  });

  it("hands Athena the projection template with ${dt} intact after Terraform's own interpolation", () => {
    const table = one("domain-news-staging", "aws_glue_catalog_table.table_article_views");
    expect((table.parameters as Record<string, string>)["storage.location.template"]).toBe(
      "s3://newsly-staging-raw-111111111111/news/article_views/dt=${dt}/",
    );
    expect(table).toMatchObject({ database_name: "news", table_type: "EXTERNAL_TABLE" });
  });

  it("declares every example table in its domain's database", () => {
    const tables = (stack: string) => planned(stack).filter((r) => r.type === "aws_glue_catalog_table").map((r) => r.values.name).sort();
    expect(tables("domain-news-production")).toEqual(["article_views", "articles", "daily_article_stats"]);
    expect(tables("domain-ads-production")).toEqual(["advertiser_reports", "campaigns", "clicks", "impressions"]);
    expect(tables("domain-sales-production")).toEqual(["crm_accounts", "crm_opportunities", "monthly_revenue"]);
  });
});
