import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { datasetMessages } from "../src/bi/check-datasets.ts";
import { DEFAULTS } from "../src/declarations/defaults.ts";
import type { OrganisationInput } from "../src/declarations/organisation.ts";
import { compileGrants } from "../src/grants/compile-grants.ts";
import { tableColumns } from "../src/grants/check-tables.ts";
import { QUERY_LOG_TABLE } from "../src/cost-monitor/query-log-table.ts";
import { table as tableSchema } from "../src/declarations/table.ts";
import { loadProject } from "../src/loading/load-project.ts";
import type { Project } from "../src/loading/project.ts";
import { PlatformStack } from "../src/stacks/platform-stack.ts";
import { ADS, GOVERNED_ORGANISATION, problemsOf, WEB, WEB_SQL } from "./grants-support.ts";
import { configSource, domainSource, resources, type TerraformJson, testCostMonitorAssets, writeProject } from "./support.ts";

const SLACK = { slackWebhookSecretName: "acme/athena-cost-monitor/slack-webhook" };
const BI_ARN = "arn:aws:quicksight:eu-west-1:111111111111:group/default/bi-authors";
const COST_VIEWS = ["cost_per_caller", "cost_per_day", "most_expensive_queries"];

function repository(costMonitor: NonNullable<OrganisationInput["costMonitor"]>): string {
  return writeProject({
    "baikal.config.ts": configSource({ ...GOVERNED_ORGANISATION, costMonitor }),
    "domains/web/domain.ts": domainSource(WEB),
    "domains/ads/domain.ts": domainSource(ADS),
    ...WEB_SQL,
  });
}

async function synthPlatformOf(project: Project): Promise<TerraformJson> {
  const stack = new PlatformStack(Testing.app(), {
    organisation: project.organisation,
    environment: "staging",
    target: "offline",
    costMonitorAssets: await testCostMonitorAssets(),
    views: project.views.filter((v) => v.domain === "platform"),
  });
  return JSON.parse(Testing.synth(stack)) as TerraformJson;
}

const project = await loadProject(repository({ ...SLACK, quicksightReaders: ["bi"] }));
const json = await synthPlatformOf(project);
const everyGrant = resources(json, "aws_lakeformation_permissions");
/** The cost report's grants; the platform stack also grants DESCRIBE on `default` (default_database_<principal>). */
const grants = Object.fromEntries(Object.entries(everyGrant).filter(([id]) => id.startsWith("grant_")));

describe("cost report datasets: checks when the project loads", () => {
  it("fails when a cost-dataset reader is not a declared principal", async () => {
    expect(await problemsOf(repository({ ...SLACK, quicksightReaders: ["bi_team"] }))).toEqual([
      `baikal.config.ts:77:7: costMonitor.quicksightReaders[0]: ${datasetMessages.unknownReader("bi_team", ["bi"])}`,
    ]);
    expect(datasetMessages.unknownReader("bi_team", ["bi"])).toBe('no principal "bi_team" in baikal.config.ts; its quicksight-group principals: "bi"');
  });

  it("fails when a cost-dataset reader is not a QuickSight group", async () => {
    expect(await problemsOf(repository({ ...SLACK, quicksightReaders: ["bi", "analysts"] }))).toEqual([
      'baikal.config.ts:78:7: costMonitor.quicksightReaders[1]: "analysts" is a principal of kind "iam-role"; dataset readers are QuickSight groups (kind "quicksight-group"), who open the dataset in QuickSight',
    ]);
  });
});

describe("cost report datasets in the platform stack", () => {
  it("publishes each cost view as a SPICE dataset of the environment's data source, with the view's declared columns", () => {
    const datasets = resources(json, "aws_quicksight_data_set");
    expect(Object.keys(datasets).sort()).toEqual(COST_VIEWS.map((v) => `dataset_${v}`));
    expect(datasets.dataset_cost_per_day).toEqual({
      aws_account_id: "111111111111",
      data_set_id: "platform-cost_per_day-staging",
      name: "cost_per_day",
      import_mode: "SPICE",
      // After its view, and after the readers' grants (the chain's last): SPICE imports when the dataset is created.
      depends_on: ["aws_glue_catalog_table.view_cost_per_day", "aws_lakeformation_permissions.grant_bi_most_expensive_queries"],
      physical_table_map: [
        {
          physical_table_map_id: "view",
          relational_table: {
            data_source_arn: "${aws_quicksight_data_source.bi_data_source.arn}",
            catalog: "AwsDataCatalog",
            schema: "platform",
            name: "cost_per_day",
            input_columns: [
              { name: "dt", type: "STRING" },
              { name: "workgroup", type: "STRING" },
              { name: "query_count", type: "INTEGER" },
              { name: "bytes_scanned", type: "INTEGER" },
              { name: "cost_usd", type: "DECIMAL" },
            ],
          },
        },
      ],
      permissions: [
        {
          principal: BI_ARN,
          actions: ["quicksight:DescribeDataSet", "quicksight:DescribeDataSetPermissions", "quicksight:DescribeIngestion", "quicksight:ListIngestions", "quicksight:PassDataSet"],
        },
      ],
    });
    const columns = (name: string) =>
      (datasets[name]!.physical_table_map as { relational_table: { input_columns: { name: string }[] } }[])[0]!.relational_table.input_columns.map((c) => c.name);
    for (const view of project.views.filter((v) => v.domain === "platform")) {
      expect(columns(`dataset_${view.name}`)).toEqual(view.declaration.columns.map((c) => c.name));
    }
  });

  it("refreshes every cost dataset daily at 01:00 UTC by default", () => {
    expect(DEFAULTS.costReportRefresh).toEqual({ interval: "DAILY", timeOfDay: "01:00", timezone: "UTC" });
    const schedules = resources(json, "aws_quicksight_refresh_schedule");
    expect(Object.keys(schedules).sort()).toEqual(COST_VIEWS.map((v) => `dataset_${v}_refresh`));
    expect(schedules.dataset_most_expensive_queries_refresh).toEqual({
      aws_account_id: "111111111111",
      data_set_id: "${aws_quicksight_data_set.dataset_most_expensive_queries.data_set_id}",
      schedule_id: "baikal",
      schedule: [{ refresh_type: "FULL_REFRESH", schedule_frequency: [{ interval: "DAILY", time_of_the_day: "01:00", timezone: "UTC" }] }],
    });
  });

  it("grants the readers SELECT on each cost view, DESCRIBE on the database and exactly the query-log columns the views read", () => {
    expect(Object.keys(grants).sort()).toEqual(["grant_bi_athena_query_log", ...COST_VIEWS.map((v) => `grant_bi_${v}`), "grant_bi_database"].sort());
    for (const view of COST_VIEWS) {
      expect(grants[`grant_bi_${view}`]).toMatchObject({
        catalog_id: "111111111111",
        principal: BI_ARN,
        permissions: ["DESCRIBE", "SELECT"],
        table: { catalog_id: "111111111111", database_name: "platform", name: view },
      });
    }
    expect(grants.grant_bi_database).toMatchObject({ principal: BI_ARN, permissions: ["DESCRIBE"], database: { catalog_id: "111111111111", name: "platform" } });
    const log = grants.grant_bi_athena_query_log!;
    expect(log).toMatchObject({ principal: BI_ARN, permissions: ["SELECT"], table_with_columns: { database_name: "platform", name: "athena_query_log" } });
    const granted = (log.table_with_columns as { column_names: string[] }).column_names;
    // Never the whole log: not the SQL's other fields, the error messages or the pricing inputs.
    expect(granted).toEqual(["query_execution_id", "workgroup", "bytes_scanned", "cost_usd", "total_execution_time_ms", "query_text", "caller", "dt"]);
    // The views' lineage from the view analysis, in the table's column order.
    const lineage = new Set(project.views.filter((v) => v.domain === "platform").flatMap((v) => v.lineage.map((c) => c.column)));
    expect(granted).toEqual(tableColumns(tableSchema.parse(QUERY_LOG_TABLE)).filter((c) => lineage.has(c)));
  });

  it("serializes the grants into one chain: DESCRIBE on `default` first, then the cost grants after everything granted on", () => {
    const dependsOn = (id: string) => (everyGrant[id]!.depends_on as string[] | undefined) ?? [];
    const grantAddress = (id: string) => `aws_lakeformation_permissions.${id}`;
    const ids = Object.keys(everyGrant);
    const first = ids.filter((id) => !dependsOn(id).some((d) => d.startsWith("aws_lakeformation_permissions.")));
    expect(first).toEqual(["default_database_analysts"]);
    expect(dependsOn(first[0]!)).toEqual(["aws_lakeformation_data_lake_settings.lake_formation"]);
    // Walk the chain: each grant waits for exactly the one before, and the chain reaches every grant.
    const chain = [first[0]!];
    for (;;) {
      const next = ids.filter((id) => dependsOn(id).includes(grantAddress(chain[chain.length - 1]!)));
      if (next.length === 0) break;
      expect(next).toHaveLength(1);
      chain.push(next[0]!);
    }
    expect([...chain].sort()).toEqual([...ids].sort());
    // The querying principals of the account (not the break-glass admin), then the cost report's readers.
    expect(chain.slice(0, 3)).toEqual(["default_database_analysts", "default_database_bi", "default_database_scientists"]);
    expect(chain[3]).toBe("grant_bi_athena_query_log");
    expect(dependsOn("grant_bi_athena_query_log")).toEqual([
      "aws_lakeformation_data_lake_settings.lake_formation",
      "aws_glue_catalog_database.database",
      "aws_glue_catalog_table.cost_monitor_query_log",
      "aws_glue_catalog_table.view_cost_per_day",
      "aws_glue_catalog_table.view_cost_per_caller",
      "aws_glue_catalog_table.view_most_expensive_queries",
      grantAddress("default_database_scientists"),
    ]);
    for (const id of chain.slice(4)) expect(dependsOn(id)).toEqual([grantAddress(chain[chain.indexOf(id) - 1]!)]);
  });

  it("shows the readers' access to the cost views and the query log in the access report, through the datasets", () => {
    const staging = compileGrants(project).grants!.environments.find((e) => e.environment === "staging")!;
    const access = staging.access.filter((a) => a.principal === "bi").map((a) => `${a.resource} (${a.kind}) ${a.columns.join(",")} ${a.through} ${a.stack} ${a.address}`);
    expect(access).toEqual([
      "platform.athena_query_log (table) query_execution_id,workgroup,bytes_scanned,cost_usd,total_execution_time_ms,query_text,caller,dt dataset cost_per_day (view platform.cost_per_day), dataset cost_per_caller (view platform.cost_per_caller), dataset most_expensive_queries (view platform.most_expensive_queries) platform-staging aws_lakeformation_permissions.grant_bi_athena_query_log",
      "platform.cost_per_caller (view) dt,caller_arn,query_count,bytes_scanned,cost_usd dataset cost_per_caller platform-staging aws_lakeformation_permissions.grant_bi_cost_per_caller",
      "platform.cost_per_day (view) dt,workgroup,query_count,bytes_scanned,cost_usd dataset cost_per_day platform-staging aws_lakeformation_permissions.grant_bi_cost_per_day",
      "platform.most_expensive_queries (view) dt,query_execution_id,workgroup,caller_arn,cost_usd,bytes_scanned,total_execution_time_ms,query_text_start,daily_rank dataset most_expensive_queries platform-staging aws_lakeformation_permissions.grant_bi_most_expensive_queries",
    ]);
    const platformGrants = staging.permissions.filter((p) => p.stack === "platform-staging").map((p) => p.id);
    expect(platformGrants.sort()).toEqual(Object.keys(grants).sort());
  });

  it("creates no cost datasets and no platform grants without quicksightReaders", async () => {
    const plain = await synthPlatformOf(await loadProject(repository(SLACK)));
    expect(resources(plain, "aws_quicksight_data_set")).toEqual({});
    expect(resources(plain, "aws_quicksight_refresh_schedule")).toEqual({});
    expect(Object.keys(resources(plain, "aws_lakeformation_permissions")).filter((id) => !id.startsWith("default_database_"))).toEqual([]);
    expect(resources(plain, "aws_glue_catalog_table").view_cost_per_day).toBeDefined();
  });
});
