import { describe, expect, it } from "vitest";
import { DEFAULTS } from "../src/declarations/defaults.ts";
import { loadProject } from "../src/loading/load-project.ts";
import { configSource, domainSource, EVENTS_DOMAIN, resources, type TerraformJson, writeProject, synthDomain } from "./support.ts";

const dt = { name: "dt", description: "Day.", projection: { type: "date", format: "yyyy-MM-dd", range: ["2024-01-01", "NOW"] } };
const WEB = {
  ...EVENTS_DOMAIN,
  tables: [
    ...EVENTS_DOMAIN.tables!,
    {
      name: "daily_users",
      description: "Views per user and day.",
      zone: "curated",
      format: "parquet",
      columns: [
        { name: "user_id", type: "bigint", description: "User." },
        { name: "view_count", type: "bigint", description: "Views." },
      ],
      partitionKeys: [dt],
    },
  ],
  transforms: [
    {
      name: "daily_users",
      description: "Views per user and day; ${not_terraform}.",
      target: "daily_users",
      mode: "incremental",
      schedule: { expression: "cron(0 4 * * ? *)", timezone: "Asia/Tokyo" },
      tests: [{ type: "not_null", column: "user_id" }],
    },
  ],
};
const SQL = "SELECT user_id, count(*) AS view_count, dt\nFROM page_views\nWHERE dt = {{ run_date }} AND '${x}' <> ''\nGROUP BY user_id, dt\n";

async function synth(): Promise<TerraformJson> {
  const root = writeProject({ "baikal.config.ts": configSource(), "domains/web/domain.ts": domainSource(WEB), "domains/web/transforms/daily_users.sql": SQL });
  return synthDomain(await loadProject(root));
}

type Statement = { sid: string; actions: string[]; resources: string[]; condition?: unknown[] };
const statements = (json: TerraformJson, name: string) => json.data!.aws_iam_policy_document![name]!.statement as Statement[];

describe("TransformJob", () => {
  it("plans a state machine in the domain's workgroup that writes through startQueryExecution.sync and alerts on failure", async () => {
    const json = await synth();
    const machine = resources(json, "aws_sfn_state_machine").transform_daily_users!;
    expect(machine).toMatchObject({ name: "acme-web-daily_users", type: "STANDARD", role_arn: "${aws_iam_role.transform_daily_users_role.arn}" });
    const text = machine.definition as string;
    // Declared text reaches AWS verbatim: "${" is escaped for Terraform; the topic is the one real reference.
    expect(text).toContain("$${x}");
    expect(text).toContain("$${not_terraform}");
    const definition = JSON.parse(text.replace("${aws_sns_topic.transform_alerts.arn}", "TOPIC").replaceAll("$${", "${")) as {
      States: Record<string, Record<string, any>>;
    };
    expect(definition.States.Write).toMatchObject({
      Resource: "arn:aws:states:::athena:startQueryExecution.sync",
      Arguments: { WorkGroup: "web", QueryExecutionContext: { Database: "web" } },
      Retry: [{ ErrorEquals: ["Athena.TooManyRequestsException", "Athena.InternalServerException"], BackoffRate: 2 }],
    });
    expect(definition.States.NotifyFailure).toMatchObject({ Resource: "arn:aws:states:::sns:publish", Arguments: { TopicArn: "TOPIC" } });
    expect(definition.States.test_0_not_null_user_id!.Comment).toBe("user_id is null in some rows in the run's dt partition");
    expect(resources(json, "aws_sns_topic").transform_alerts).toMatchObject({ name: "acme-web-transform-failures", kms_master_key_id: "alias/acme-platform" });
  });

  it("is started by EventBridge Scheduler in the declared zone, through a role that may start this machine only", async () => {
    const json = await synth();
    expect(resources(json, "aws_scheduler_schedule").transform_daily_users_schedule).toMatchObject({
      name: "web-daily_users",
      schedule_expression: "cron(0 4 * * ? *)",
      schedule_expression_timezone: "Asia/Tokyo",
      flexible_time_window: { mode: "OFF" },
      target: {
        arn: "${aws_sfn_state_machine.transform_daily_users.arn}",
        role_arn: "${aws_iam_role.transform_daily_users_scheduler_role.arn}",
        input: '{"scheduled_time":"<aws.scheduler.scheduled-time>"}',
      },
    });
    expect(statements(json, "transform_daily_users_scheduler_access")).toEqual([
      { sid: "StartThisTransformOnly", actions: ["states:StartExecution"], resources: ["${aws_sfn_state_machine.transform_daily_users.arn}"] },
    ]);
  });

  it("lets the run write only under the target's prefix, use its workgroup and the lake key, and read its sources only through Lake Formation", async () => {
    const json = await synth();
    const bySid = Object.fromEntries(statements(json, "transform_daily_users_access").map((s) => [s.sid, s]));
    expect(bySid.RunQueriesInTheDomainWorkgroup!.resources).toEqual(["arn:aws:athena:eu-west-1:111111111111:workgroup/web"]);
    expect(bySid.ReplaceTheTargetOnly!.resources).toEqual(["arn:aws:s3:::acme-staging-curated-111111111111/web/daily_users/*"]);
    // Sources are read with the credentials Lake Formation vends for the run's grants, never with S3 reads of its own.
    expect(Object.values(bySid).filter((s) => s.actions.includes("s3:GetObject")).flatMap((s) => s.resources)).toEqual([
      "arn:aws:s3:::acme-staging-curated-111111111111/web/daily_users/*",
      "arn:aws:s3:::acme-staging-query-results-111111111111/web/*",
    ]);
    expect(bySid.ListRawPrefixes).toBeUndefined();
    expect(bySid.ListCuratedPrefixes!.condition).toEqual([{ test: "StringLike", variable: "s3:prefix", values: ["web/daily_users/*"] }]);
    expect(bySid.UseTheLakeKey!.condition).toEqual([{ test: "ForAnyValue:StringEquals", variable: "kms:ResourceAliases", values: ["alias/acme-lake"] }]);
    expect(bySid.GetLakeFormationCredentials!.actions).toEqual(["lakeformation:GetDataAccess"]);
    // Athena describes `default` before every query; an INSERT lists the target bucket's multipart uploads.
    expect(bySid.ReadTheTablesItUses!.resources.slice(0, 2)).toEqual(["arn:aws:glue:eu-west-1:111111111111:catalog", "arn:aws:glue:eu-west-1:111111111111:database/default"]);
    expect(bySid.FindTheTargetBucketAndItsUploads).toEqual({
      sid: "FindTheTargetBucketAndItsUploads",
      actions: ["s3:GetBucketLocation", "s3:ListBucketMultipartUploads"],
      resources: ["arn:aws:s3:::acme-staging-curated-111111111111"],
    });
    expect(bySid.EncryptFailureAlertsThroughSns!.condition).toEqual([
      { test: "ForAnyValue:StringEquals", variable: "kms:ResourceAliases", values: ["alias/acme-platform"] },
      { test: "StringEquals", variable: "kms:ViaService", values: ["sns.eu-west-1.amazonaws.com"] },
    ]);
    expect(bySid.AnnounceFailures!.resources).toEqual(["arn:aws:sns:eu-west-1:111111111111:acme-web-transform-failures"]);
    const writes = Object.values(bySid).filter((s) => s.actions.some((a) => /^s3:(Put|Delete)/.test(a)));
    expect(writes.flatMap((s) => s.resources)).toEqual([
      "arn:aws:s3:::acme-staging-curated-111111111111/web/daily_users/*",
      "arn:aws:s3:::acme-staging-query-results-111111111111/web/*",
    ]);
  });

  it("grants the run SELECT on the domain's sources and SELECT and INSERT on the target in Lake Formation, one after another", async () => {
    const json = await synth();
    const grants = resources(json, "aws_lakeformation_permissions");
    // DESCRIBE on its own database and on `default`, which Athena describes before every query.
    for (const database of ["web", "default"]) {
      expect(grants[`transform_daily_users_grant_database_${database}`]).toMatchObject({
        principal: "${aws_iam_role.transform_daily_users_role.arn}",
        permissions: ["DESCRIBE"],
        database: { catalog_id: "111111111111", name: database },
      });
    }
    expect(grants.transform_daily_users_grant_page_views).toMatchObject({
      principal: "${aws_iam_role.transform_daily_users_role.arn}",
      permissions: ["SELECT", "DESCRIBE"],
      table: { database_name: "web", name: "page_views" },
    });
    expect(grants.transform_daily_users_grant_daily_users).toMatchObject({
      permissions: ["SELECT", "INSERT", "DESCRIBE"],
      table: { database_name: "web", name: "daily_users" },
      depends_on: expect.arrayContaining(["aws_lakeformation_permissions.transform_daily_users_grant_page_views"]),
    });
    expect(resources(json, "aws_sfn_state_machine").transform_daily_users!.depends_on).toContain(
      "aws_lakeformation_permissions.transform_daily_users_grant_daily_users",
    );
  });

  it("logs each machine's errors, without execution data, to a group of its own kept for the default retention", async () => {
    const json = await synth();
    expect(resources(json, "aws_cloudwatch_log_group").transform_daily_users_logs).toEqual({
      name: "/aws/vendedlogs/states/acme-web-daily_users",
      retention_in_days: DEFAULTS.transformLogRetentionDays,
      // The platform key's ARN, read from its alias (CloudWatch Logs takes no alias), after the database exists.
      kms_key_id: "${data.aws_kms_alias.platform_key.target_key_arn}",
    });
    expect(json.data!.aws_kms_alias!.platform_key).toEqual({ name: "alias/acme-platform", depends_on: ["aws_glue_catalog_database.database"] });
    expect(DEFAULTS.transformLogRetentionDays).toBe(90);
    const machine = resources(json, "aws_sfn_state_machine").transform_daily_users!;
    expect(machine.logging_configuration).toEqual({
      level: "ERROR",
      include_execution_data: false,
      log_destination: "${aws_cloudwatch_log_group.transform_daily_users_logs.arn}:*",
    });
    expect(machine.tracing_configuration).toBeUndefined();
  });

  it("lets the run deliver its logs, and creates the machine only once the role may", async () => {
    const json = await synth();
    const delivery = statements(json, "transform_daily_users_access").find((s) => s.sid === "DeliverStateMachineLogs");
    expect(delivery).toEqual({
      sid: "DeliverStateMachineLogs",
      actions: [
        "logs:CreateLogDelivery",
        "logs:GetLogDelivery",
        "logs:UpdateLogDelivery",
        "logs:DeleteLogDelivery",
        "logs:ListLogDeliveries",
        "logs:PutResourcePolicy",
        "logs:DescribeResourcePolicies",
        "logs:DescribeLogGroups",
      ],
      resources: ["*"],
    });
    expect(resources(json, "aws_sfn_state_machine").transform_daily_users!.depends_on).toContain("aws_iam_role_policy.transform_daily_users_access_policy");
  });
});
