import { describe, expect, it } from "vitest";
import { GUARD_DOMAIN, GUARD_ORGANISATION, GUARD_SQL, guardChange } from "./guard-support.ts";

/**
 * Resources that hold data (or the only copy of something set by hand), destroyed or replaced, each on the fixture
 * organisation in a git repository and guarded against main; and the changes that lose nothing.
 */
const allowHint = (stack: string, address: string) => `if the data may really go, add {"stack": "${stack}", "address": "${address}", "reason": "..."} to guard-allow.json`;
const destroyed = (stack: string, address: string, loses: string) =>
  `${stack} ${address}: destroyed: it is no longer declared, so Terraform destroys ${loses}; declare it again; ${allowHint(stack, address)}`;
const gone = (stack: string, address: string, loses: string) =>
  `${stack} ${address}: destroyed: stack ${stack} is no longer synthesized, so ${loses} would be orphaned, or destroyed with the stack; declare it again; ${allowHint(stack, address)}`;

const LOSES = {
  logGroup: "the log group and every log event in it",
  stateMachine: "the state machine and its execution history",
  table: "the table, its partitions and its grants",
};

const passes = { ok: true, blocked: [], errors: [] };

const guarded = guardChange;

describe("guard: resources that hold data", { timeout: 240_000 }, () => {
  it("blocks removing the cost monitor: its dead-letter queue, webhook secret, log groups, alert markers, query log and alerts key", async () => {
    const run = await guarded({ organisation: { ...GUARD_ORGANISATION, costMonitor: undefined } });
    const platform = (address: string, loses: string) => destroyed("platform-staging", address, loses);
    expect(run.blocked).toEqual([
      platform("aws_cloudwatch_log_group.cost_monitor_event_logs", LOSES.logGroup),
      platform("aws_cloudwatch_log_group.cost_monitor_sweep_logs", LOSES.logGroup),
      platform("aws_cloudwatch_log_group.cost_monitor_transform_alerts_logs", LOSES.logGroup),
      platform("aws_dynamodb_table.cost_monitor_alert_markers", "the table and every item in it"),
      platform("aws_glue_catalog_table.cost_monitor_query_log", LOSES.table),
      platform("aws_kms_key.platform_alerts_key", "the key, and with it everything encrypted under it"),
      platform("aws_secretsmanager_secret.cost_monitor_webhook_secret", "the secret and the value set in it by hand (Terraform does not know it and cannot restore it)"),
      platform("aws_sqs_queue.cost_monitor_dead_letters", "the queue and every message in it (failed events waiting to be replayed)"),
    ]);
  });

  it("blocks a renamed webhook secret, because the value set in it by hand goes with it", async () => {
    const run = await guarded({ organisation: { ...GUARD_ORGANISATION, costMonitor: { slackWebhookSecretName: "acme/slack" } } });
    expect(run.blocked).toEqual([
      'platform-staging aws_secretsmanager_secret.cost_monitor_webhook_secret: replaced: name changes from "acme/athena-cost-monitor/slack-webhook" to "acme/slack", ' +
        "which Terraform cannot change in place, so it destroys the secret and the value set in it by hand (Terraform does not know it and cannot restore it) " +
        `and creates an empty one; keep name as before; ${allowHint("platform-staging", "aws_secretsmanager_secret.cost_monitor_webhook_secret")}`,
    ]);
  });

  it("blocks a renamed transform, because its state machine's execution history and its log group go", async () => {
    const domain = { ...GUARD_DOMAIN, transforms: GUARD_DOMAIN.transforms!.map((t) => ({ ...t, name: "user_counts" })) };
    const run = await guarded({
      domain,
      files: { "domains/web/transforms/user_counts.sql": GUARD_SQL["domains/web/transforms/daily_users.sql"]! },
      removed: ["domains/web/transforms/daily_users.sql"],
    });
    expect(run.blocked).toEqual([
      destroyed("domain-web-staging", "aws_cloudwatch_log_group.transform_daily_users_logs", LOSES.logGroup),
      destroyed("domain-web-staging", "aws_sfn_state_machine.transform_daily_users", LOSES.stateMachine),
    ]);
  });

  it("blocks a removed QuickSight dataset, because its SPICE data and what is built on it go", async () => {
    const run = await guarded({ domain: { ...GUARD_DOMAIN, datasets: [] } });
    expect(run.blocked).toEqual([
      destroyed("domain-web-staging", "aws_quicksight_data_set.dataset_daily_views", "the dataset, its SPICE data and the analyses and dashboards built on it"),
    ]);
  });

  it("blocks a removed LF-tag, because its assignments and the grants made through it go", async () => {
    const { tags: _, ...governance } = GUARD_ORGANISATION.governance!;
    const domain = { ...GUARD_DOMAIN, tables: GUARD_DOMAIN.tables!.map(({ tags: __, ...t }) => t) };
    const run = await guarded({ organisation: { ...GUARD_ORGANISATION, governance }, domain });
    expect(run.blocked).toEqual([
      destroyed(
        "platform-staging",
        "aws_lakeformation_lf_tag.lf_tag_classification",
        "the LF-tag, its assignments to databases, tables and columns, and every grant made through it",
      ),
    ]);
  });

  it("blocks a shorter query-results retention, because the lifecycle deletes older results", async () => {
    const run = await guarded({ organisation: { ...GUARD_ORGANISATION, lake: { queryResultsRetentionDays: 7 } } });
    expect(run.blocked).toEqual([
      'platform-staging aws_s3_bucket_lifecycle_configuration.lake_query_results_lifecycle: the bucket\'s lifecycle deletes more: rule "expire-objects" deletes ' +
        "current objects after 7 days instead of after 30 days; keep the lifecycle's expirations as they were (the lake's retention settings in baikal.config.ts); " +
        'if it is intended, add {"stack": "platform-staging", "address": "aws_s3_bucket_lifecycle_configuration.lake_query_results_lifecycle", "change": "retention", "reason": "..."} to guard-allow.json',
    ]);
  });

  it("blocks a removed table, because its Glue table goes", async () => {
    const run = await guarded({ domain: { ...GUARD_DOMAIN, tables: GUARD_DOMAIN.tables!.filter((t) => t.name !== "signups") } });
    expect(run.blocked).toEqual([destroyed("domain-web-staging", "aws_glue_catalog_table.table_signups", LOSES.table)]);
  });

  it("blocks a removed domain: everything its stack held, and its value of the domain LF-tag", async () => {
    const run = await guarded({ removed: ["domains/web"] });
    const stack = "domain-web-staging";
    expect(run.blocked).toEqual([
      gone(stack, "aws_cloudwatch_log_group.ingestion_orders_db_logs", LOSES.logGroup),
      gone(stack, "aws_cloudwatch_log_group.transform_daily_users_logs", LOSES.logGroup),
      gone(stack, "aws_glue_catalog_database.database", "the database and its grants"),
      ...["daily_users", "orders", "page_views", "sessions", "signups"].map((t) => gone(stack, `aws_glue_catalog_table.table_${t}`, LOSES.table)),
      gone(stack, "aws_quicksight_data_set.dataset_daily_views", "the dataset, its SPICE data and the analyses and dashboards built on it"),
      gone(stack, "aws_sfn_state_machine.ingestion_orders_db", LOSES.stateMachine),
      gone(stack, "aws_sfn_state_machine.transform_daily_users", LOSES.stateMachine),
      'platform-staging aws_lakeformation_lf_tag.lf_tag_domain: value "web" is removed from LF-tag "domain": Lake Formation drops it from every database, ' +
        "table and column tagged with it, and grants made through it stop applying; keep web in governance.tags.domain of baikal.config.ts until nothing is " +
        'tagged with it; if it is intended, add {"stack": "platform-staging", "address": "aws_lakeformation_lf_tag.lf_tag_domain", "change": "lf-tag-values", "reason": "..."} to guard-allow.json',
    ]);
  });
});

describe("guard: changes that lose no data", { timeout: 240_000 }, () => {
  it("passes a view's new SQL", async () => {
    expect(await guarded({ files: { "domains/web/views/daily_views.sql": "SELECT dt, count(*) AS view_count\nFROM page_views\nWHERE dt >= '2024-01-01'\nGROUP BY dt\n" } })).toEqual(passes);
  });

  it("passes a removed grant", async () => {
    expect(await guarded({ domain: { ...GUARD_DOMAIN, grants: GUARD_DOMAIN.grants!.filter((g) => !("table" in g)) } })).toEqual(passes);
  });

  it("passes a renamed view, with its grant and dataset following it", async () => {
    const domain = {
      ...GUARD_DOMAIN,
      views: GUARD_DOMAIN.views!.map((v) => ({ ...v, name: "views_per_day" })),
      grants: GUARD_DOMAIN.grants!.map((g) => ("view" in g ? { ...g, view: "views_per_day" } : g)),
      datasets: GUARD_DOMAIN.datasets!.map((d) => ({ ...d, view: "views_per_day" })),
    };
    const files = { "domains/web/views/views_per_day.sql": GUARD_SQL["domains/web/views/daily_views.sql"]! };
    expect(await guarded({ domain, files, removed: ["domains/web/views/daily_views.sql"] })).toEqual(passes);
  });

  it("passes a new table with a grant on it", async () => {
    const clicks = { ...GUARD_DOMAIN.tables![0]!, name: "clicks", description: "Clicks.", tags: undefined };
    const domain = { ...GUARD_DOMAIN, tables: [...GUARD_DOMAIN.tables!, clicks], grants: [...GUARD_DOMAIN.grants!, { to: "analysts", table: "clicks" }] };
    expect(await guarded({ domain })).toEqual(passes);
  });
});
