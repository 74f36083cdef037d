import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NEWSLY_ROOT } from "../../platform/test/support.ts";
import { CHANGES_SOURCE } from "../src/terraform/plan-stream.ts";
import { baikal, type CliRun } from "./support.ts";

/**
 * The real thing: `baikal plan` on the Newsly fixture, with Terraform and the hashicorp/aws provider (from the
 * mirror of BAIKAL_PROVIDER_MIRROR or .baikal/local.json), offline. One run with `--full-json`, so that plan.json
 * holds what Terraform planned, value by value; then assertions on it.
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

describe("baikal plan on the Newsly fixture", () => {
  beforeAll(() => {
    run = baikal(["plan", "--full-json", "--outdir", outdir], NEWSLY_ROOT);
    if (run.code !== 0) console.error(run.stdout, run.stderr);
  });

  it("plans every stack of every environment without an error or an AWS account", () => {
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    const table = lines.slice(lines.findIndex((l) => l.startsWith("stack ")), lines.findIndex((l) => l.startsWith("stack ")) + 11);
    expect(table[0]).toMatch(/^stack\s+add\s+change\s+destroy\s+replace$/);
    const rows = table.slice(1).map((line) => line.trim().split(/\s+/));
    expect(rows.map((r) => r[0]).sort()).toEqual(
      [
        ...["platform", "domain-ads", "domain-news", "domain-sales"].flatMap((s) => [`${s}-production`, `${s}-staging`]),
        "consumer-555555555555-staging",
        "consumer-666666666666-production",
      ].sort(),
    );
    for (const [, , change, destroy, replace] of rows) expect([change, destroy, replace]).toEqual(["0", "0", "0"]);
    expect(run.stdout).toContain("10 of 10 stacks planned");
  });

  it("lists, per stack, each resource address to be created, and shows progress while it plans", () => {
    expect(run.stdout).toMatch(/^domain-news-staging: \d+ to create\n/m);
    expect(run.stdout).toContain("\n    + aws_glue_catalog_table.table_article_views\n");
    expect(run.stderr).toMatch(/^synthesized 10 stacks; planning \d at a time$/m);
    expect(run.stderr).toContain("domain-news-staging: terraform plan\n");
    expect(run.stderr).toMatch(/^\[\d+\/10\] planned domain-news-staging in \d+\.\d s: \d+ to create, 0 to update, 0 to replace, 0 to destroy$/m);
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

  it("plans the Athena cost monitor in the platform stack: rule, both functions with their zip, secret, queue, alarm, schedule", () => {
    const stack = "platform-staging";
    const rule = one(stack, "aws_cloudwatch_event_rule.cost_monitor_rule");
    expect(JSON.parse(rule.event_pattern as string)).toEqual({
      source: ["aws.athena"],
      "detail-type": ["Athena Query State Change"],
      detail: { currentState: ["SUCCEEDED", "FAILED", "CANCELLED"] },
    });
    for (const [name, handler] of [["event", "index.handler"], ["sweep", "index.sweepHandler"]]) {
      const fn = one(stack, `aws_lambda_function.cost_monitor_${name}`);
      expect(fn).toMatchObject({ function_name: `newsly-athena-cost-${name}`, handler, runtime: "nodejs20.x", architectures: ["arm64"] });
      expect(fn.filename).toMatch(/^assets\/cost_monitor_code\/[0-9A-F]{32}\/archive\.zip$/);
      expect(existsSync(join(outdir, "stacks", stack, fn.filename as string))).toBe(true);
    }
    expect(one(stack, "aws_lambda_permission.cost_monitor_rule_permission")).toMatchObject({ principal: "events.amazonaws.com" });
    expect(one(stack, "aws_secretsmanager_secret.cost_monitor_webhook_secret")).toMatchObject({ name: "baikal/athena-cost-monitor/slack-webhook" });
    expect(planned(stack).filter((r) => r.type === "aws_secretsmanager_secret_version")).toEqual([]);
    // Encrypted with the platform key, whose ARN is known only after apply.
    expect(one(stack, "aws_sqs_queue.cost_monitor_dead_letters")).toMatchObject({ name: "newsly-athena-cost-dead-letters" });
    expect(one(stack, "aws_glue_data_catalog_encryption_settings.catalog_encryption_settings")).toMatchObject({
      data_catalog_encryption_settings: [{ encryption_at_rest: [{ catalog_encryption_mode: "SSE-KMS" }], connection_password_encryption: [{ return_connection_password_encrypted: true }] }],
    });
    expect(one(stack, "aws_cloudwatch_metric_alarm.cost_monitor_dead_letters_alarm")).toMatchObject({
      metric_name: "ApproximateNumberOfMessagesVisible",
      threshold: 0,
      comparison_operator: "GreaterThanThreshold",
    });
    expect(one(stack, "aws_scheduler_schedule.cost_monitor_schedule")).toMatchObject({ schedule_expression: "rate(15 minutes)" });
    expect(one(stack, "aws_dynamodb_table.cost_monitor_alert_markers")).toMatchObject({ hash_key: "pk", billing_mode: "PAY_PER_REQUEST" });
  });

  it("plans the query-log table in the platform database with ${dt} intact in its projection template", () => {
    const table = one("platform-staging", "aws_glue_catalog_table.cost_monitor_query_log");
    expect(table).toMatchObject({ name: "athena_query_log", database_name: "platform", table_type: "EXTERNAL_TABLE" });
    expect((table.parameters as Record<string, string>)["storage.location.template"]).toBe(
      "s3://newsly-staging-curated-111111111111/platform/athena_query_log/dt=${dt}/",
    );
    expect(one("platform-production", "aws_glue_catalog_database.database")).toMatchObject({ name: "platform", catalog_id: "222222222222" });
  });

  it("stores every example view as Athena does, with the SQL from its file", () => {
    const views = planned("domain-ads-staging").filter((r) => r.values.table_type === "VIRTUAL_VIEW");
    expect(views.map((v) => v.values.name).sort()).toEqual(["campaign_ctr", "campaign_performance", "campaign_performance_crm", "daily_spend"]);
    const ctr = views.find((v) => v.values.name === "campaign_ctr")!.values;
    const text = ctr.view_original_text as string;
    const definition = JSON.parse(Buffer.from(text.slice("/* Presto View: ".length, -" */".length), "base64").toString("utf8"));
    expect(definition).toMatchObject({ catalog: "awsdatacatalog", schema: "ads", runAsInvoker: false });
    expect(definition.originalSql).toBe(readFileSync(join(NEWSLY_ROOT, "domains/ads/views/campaign_ctr.sql"), "utf8").trim());
    expect(definition.columns.map((c: { type: string }) => c.type)).toEqual(["varchar", "bigint", "varchar", "bigint", "bigint", "double"]);
  });

  it("declares every example table in its domain's database", () => {
    const tables = (stack: string) =>
      planned(stack)
        .filter((r) => r.type === "aws_glue_catalog_table" && r.values.table_type === "EXTERNAL_TABLE")
        .map((r) => r.values.name)
        .sort();
    expect(tables("domain-news-production")).toEqual(["article_view_facts", "article_views", "articles", "daily_article_stats"]);
    expect(tables("domain-ads-production")).toEqual(["advertiser_reports", "campaigns", "clicks", "impressions"]);
    expect(tables("domain-sales-production")).toEqual(["crm_accounts", "crm_opportunities", "insertion_orders", "monthly_revenue"]);
  });

  it("plans every kind of grant, the LF-tags, a row filter and the analytics account's resource link", () => {
    const grants = (stack: string) => planned(stack).filter((r) => r.type === "aws_lakeformation_permissions");
    expect(planned("platform-staging").filter((r) => r.type === "aws_lakeformation_lf_tag").map((r) => r.values.key)).toEqual(["classification", "domain"]);
    // column_names is a set: Terraform plans it sorted.
    expect(one("domain-ads-staging", "aws_lakeformation_permissions.grant_redash_campaigns")).toMatchObject({
      table_with_columns: [{ column_names: ["advertiser_id", "campaign_id", "campaign_name", "ends_on", "starts_on"] }],
    });
    expect(one("domain-ads-staging", "aws_lakeformation_permissions.grant_analysts_impressions")).toMatchObject({
      table_with_columns: [{ wildcard: true, excluded_column_names: ["user_id"] }],
    });
    expect(one("domain-ads-staging", "aws_lakeformation_permissions.grant_quicksight_authors_campaign_performance")).toMatchObject({
      principal: "arn:aws:quicksight:ap-northeast-1:111111111111:group/default/bi-authors",
      table: [{ name: "campaign_performance" }],
    });
    expect(one("domain-news-staging", "aws_lakeformation_permissions.grant_analysts_tags_classification_internal_public")).toMatchObject({
      lf_tag_policy: [{ resource_type: "TABLE" }],
    });
    expect(one("domain-sales-staging", "aws_lakeformation_data_cells_filter.row_filter_monthly_revenue_japan_only")).toMatchObject({
      table_data: [{ row_filter: [{ filter_expression: "sales_region = 'jp'" }] }],
    });
    expect(one("domain-sales-staging", "aws_lakeformation_permissions.grant_analysts_monthly_revenue_filter_japan_only")).toMatchObject({
      data_cells_filter: [{ name: "japan_only", table_name: "monthly_revenue" }],
    });
    expect(one("domain-news-production", "aws_lakeformation_permissions.grant_analytics_account_daily_article_kpis")).toMatchObject({
      principal: "666666666666",
      permissions_with_grant_option: ["DESCRIBE", "SELECT"],
    });
    expect(one("consumer-666666666666-production", "aws_glue_catalog_database.link_news")).toMatchObject({
      target_database: [{ catalog_id: "222222222222", database_name: "news" }],
    });
    expect(grants("consumer-666666666666-production").map((r) => r.values.principal)).toContain("arn:aws:iam::666666666666:role/quicksight-athena");
    for (const stack of ["domain-ads-staging", "domain-news-staging", "domain-sales-staging"]) {
      for (const grant of grants(stack)) expect(grant.values.permissions).not.toContain("ALL");
    }
  });

  it("plans every example transform as a state machine, its role, its schedule and its target table, in the domain's workgroup", () => {
    const stack = "domain-news-staging";
    expect(one(stack, "aws_athena_workgroup.workgroup")).toMatchObject({ name: "news", force_destroy: false });
    for (const name of ["article_view_facts", "daily_article_stats"]) {
      expect(one(stack, `aws_sfn_state_machine.transform_${name}`)).toMatchObject({ name: `newsly-news-${name}`, type: "STANDARD" });
      expect(one(stack, `aws_iam_role.transform_${name}_role`)).toMatchObject({ name: `newsly-lake-writer-news-${name}` });
      expect(one(stack, `aws_glue_catalog_table.table_${name}`)).toMatchObject({ name, table_type: "EXTERNAL_TABLE" });
    }
    // daily_article_stats reads article_view_facts, so that transform starts it instead of a schedule.
    expect(one(stack, "aws_scheduler_schedule.transform_article_view_facts_schedule")).toMatchObject({
      schedule_expression: "cron(30 4 * * ? *)",
      schedule_expression_timezone: "Asia/Tokyo",
    });
    expect(planned(stack).filter((r) => r.type === "aws_scheduler_schedule")).toHaveLength(1);
    expect(planned("platform-staging").filter((r) => r.type === "aws_athena_workgroup").map((r) => r.values.name).sort()).toEqual([
      "analysts",
      "etl",
      "quicksight",
      "redash",
    ]);
  });

  it("plans the example RDS snapshot export: its state machine, roles, daily schedule and the raw table it fills", () => {
    const stack = "domain-sales-staging";
    expect(one(stack, "aws_sfn_state_machine.ingestion_orders_db")).toMatchObject({ name: "newsly-sales-orders_db-export", type: "STANDARD" });
    expect(one(stack, "aws_iam_role.ingestion_orders_db_export_role")).toMatchObject({ name: "newsly-lake-writer-sales-orders_db-rds-export" });
    expect(one(stack, "aws_scheduler_schedule.ingestion_orders_db_schedule")).toMatchObject({
      schedule_expression: "cron(0 5 * * ? *)",
      schedule_expression_timezone: "Asia/Tokyo",
    });
    const table = one(stack, "aws_glue_catalog_table.table_insertion_orders");
    expect((table.parameters as Record<string, string>)["storage.location.template"]).toBe(
      "s3://newsly-staging-raw-111111111111/sales/orders_db/sales-orders-db-${dt}/orders/public.insertion_orders/",
    );
    expect(one(stack, "aws_glue_catalog_table.view_booked_orders")).toMatchObject({ name: "booked_orders", table_type: "VIRTUAL_VIEW" });
  });

  // Last: it replaces domain-news-staging's plan.json, which the tests above read value by value.
  it("plans again with one provider load per stack: no synth or init while nothing they depend on changed, changes from the plan's own output", () => {
    const full = JSON.parse(readFileSync(join(outdir, "stacks", "domain-news-staging", "plan.json"), "utf8")) as {
      resource_changes: { address: string; change: { actions: string[] } }[];
    };
    const again = baikal(["plan", "domain-news-staging", "--summary", "--outdir", outdir], NEWSLY_ROOT);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("synthesized 1 stack (1 unchanged since the last synth, reused); planning 1 at a time\n");
    expect(again.stderr.split("\n").filter((l) => l.startsWith("domain-news-staging: "))).toEqual(["domain-news-staging: terraform plan"]);
    expect(again.stdout).not.toContain("  + ");
    const changes = JSON.parse(readFileSync(join(outdir, "stacks", "domain-news-staging", "plan.json"), "utf8")) as typeof full & { source: string };
    expect(changes.source).toBe(CHANGES_SOURCE);
    const actions = (plan: typeof full) => plan.resource_changes.filter((r) => !r.change.actions.includes("no-op")).map((r) => `${r.address} ${r.change.actions.join(",")}`).sort();
    expect(actions(changes)).toEqual(actions(full));
  });
});
