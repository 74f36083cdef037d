import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/compiler/build-app.ts";
import { loadProject } from "../src/loading/load-project.ts";
import type { Project } from "../src/loading/project.ts";
import { DomainStack } from "../src/stacks/domain-stack.ts";
import { PlatformStack } from "../src/stacks/platform-stack.ts";
import { exportTaskPrefix } from "../src/ingestion/ingestion-names.ts";
import { ORDERS_EXPORT, SALESFORCE, withIngestions } from "./ingestion-support.ts";
import { EXPORT_KEY_ACTIONS, EXPORT_ROLE_PASSED_TO } from "../src/ingestion/snapshot-export-permissions.ts";
import { stateMachineLogDelivery } from "../src/transforms/state-machine-logging.ts";
import { configSource, domainSource, projectOf, resources, type TerraformJson, writeProject } from "./support.ts";

async function project(...ingestions: unknown[]): Promise<Project> {
  return loadProject(writeProject({ "baikal.config.ts": configSource(), "domains/web/domain.ts": domainSource(withIngestions(...ingestions)) }));
}

async function synthDomain(...ingestions: unknown[]): Promise<TerraformJson> {
  const p = await project(...ingestions);
  const stack = new DomainStack(Testing.app(), { organisation: p.organisation, domain: p.domains[0]!, views: [], environment: "staging", target: "offline" });
  return JSON.parse(Testing.synth(stack)) as TerraformJson;
}

type Statement = { sid: string; effect?: string; actions: string[]; resources: string[]; principals?: unknown[]; condition?: unknown[] };
const statements = (json: TerraformJson, name: string) => json.data!.aws_iam_policy_document![name]!.statement as Statement[];
type States = Record<string, Record<string, any>>;
const definition = (json: TerraformJson, name: string) =>
  JSON.parse((resources(json, "aws_sfn_state_machine")[name]!.definition as string).replace("${aws_sns_topic.transform_alerts.arn}", "TOPIC")) as {
    States: States;
    QueryLanguage: string;
    StartAt: string;
  };

const RAW = "acme-staging-raw-111111111111";
const ALIAS_ARN = "arn:aws:kms:eu-west-1:111111111111:alias/acme-lake";
const LAKE_KEY = {
  resources: ["arn:aws:kms:eu-west-1:111111111111:key/*"],
  condition: [{ test: "ForAnyValue:StringEquals", variable: "kms:ResourceAliases", values: ["alias/acme-lake"] }],
};

describe("RDS snapshot export ingestion", () => {
  it("declares its tables with a projection template pointing at the export task's folder of each day", async () => {
    const json = await synthDomain(ORDERS_EXPORT);
    const table = resources(json, "aws_glue_catalog_table").table_orders!;
    expect(table).toMatchObject({ name: "orders", table_type: "EXTERNAL_TABLE", partition_keys: [{ name: "dt", type: "string" }] });
    expect((table.storage_descriptor as Record<string, unknown>).location).toBe(`s3://${RAW}/web/orders_db/`);
    expect(table.parameters).toMatchObject({
      classification: "parquet",
      "projection.dt.type": "date",
      "projection.dt.format": "yyyy-MM-dd",
      "projection.dt.range": "NOW-3YEARS,NOW",
      "storage.location.template": `s3://${RAW}/web/orders_db/web-orders-db-$\${dt}/shop/public.orders/`,
    });
  });

  it("finds the latest automated snapshot, starts an export named after the day and polls it, all through AWS SDK integrations", async () => {
    const json = await synthDomain(ORDERS_EXPORT);
    expect(resources(json, "aws_sfn_state_machine").ingestion_orders_db).toMatchObject({
      name: "acme-web-orders_db-export",
      type: "STANDARD",
      role_arn: "${aws_iam_role.ingestion_orders_db_role.arn}",
    });
    const { States, QueryLanguage, StartAt } = definition(json, "ingestion_orders_db");
    expect([QueryLanguage, StartAt]).toEqual(["JSONata", "ResolveRunDate"]);
    expect(States.FindLatestSnapshot).toMatchObject({
      Resource: "arn:aws:states:::aws-sdk:rds:describeDBSnapshots",
      Arguments: { DbInstanceIdentifier: "orders-prod", SnapshotType: "automated" },
      Assign: {
        export_id: '{% "web-orders-db-" & $run_date %}',
        snapshot: '{% ($arn := ($states.result.DbSnapshots[Status = "available"]^(>SnapshotCreateTime))[0].DbSnapshotArn; $exists($arn) ? $arn : "") %}',
      },
      Next: "SnapshotFound",
    });
    expect(States.StartExport).toMatchObject({
      Resource: "arn:aws:states:::aws-sdk:rds:startExportTask",
      Arguments: {
        ExportTaskIdentifier: "{% $export_id %}",
        SourceArn: "{% $snapshot %}",
        S3BucketName: RAW,
        S3Prefix: "web/orders_db",
        IamRoleArn: "arn:aws:iam::111111111111:role/acme-lake-writer-web-orders_db-rds-export",
        KmsKeyId: ALIAS_ARN,
        ExportOnly: ["shop.public.orders"],
      },
      Next: "WaitForExport",
    });
    expect(States.StartExport!.Retry).toBeUndefined();
    expect(States.WaitForExport).toEqual({ Type: "Wait", Seconds: 600, Next: "CheckExport" });
    expect(States.CheckExport).toMatchObject({ Resource: "arn:aws:states:::aws-sdk:rds:describeExportTasks", Arguments: { ExportTaskIdentifier: "{% $export_id %}" } });
    expect(States.ExportDone!.Choices.map((c: { Next: string }) => c.Next)).toEqual(["Succeeded", "ExportFailed", "ExportTooSlow"]);
    expect(States.NoSnapshot).toMatchObject({ Assign: { failure: { Error: "NoSnapshot" } }, Next: "NotifyFailure" });
    expect(States.NotifyFailure).toMatchObject({ Resource: "arn:aws:states:::sns:publish", Arguments: { TopicArn: "TOPIC", Subject: "Ingestion web.orders_db failed" } });
    expect(resources(json, "aws_sns_topic").transform_alerts).toMatchObject({ name: "acme-web-transform-failures" });
  });

  it("reads a cluster's snapshots with the cluster actions, and a MySQL table's folder is <database>.<table>", async () => {
    const mysql = { ...ORDERS_EXPORT, source: { cluster: "orders-aurora" }, tables: [{ ...ORDERS_EXPORT.tables[0], source: { database: "shop", table: "orders" } }] };
    const json = await synthDomain(mysql);
    const { States } = definition(json, "ingestion_orders_db");
    expect(States.FindLatestSnapshot).toMatchObject({
      Resource: "arn:aws:states:::aws-sdk:rds:describeDBClusterSnapshots",
      Arguments: { DbClusterIdentifier: "orders-aurora", SnapshotType: "automated" },
    });
    expect(States.FindLatestSnapshot!.Assign.snapshot).toContain("$states.result.DbClusterSnapshots[");
    expect(States.StartExport!.Arguments.ExportOnly).toEqual(["shop.orders"]);
    expect(statements(json, "ingestion_orders_db_access")[0]).toEqual({
      sid: "FindTheSourceSnapshots",
      actions: ["rds:DescribeDBClusterSnapshots"],
      resources: ["arn:aws:rds:eu-west-1:111111111111:cluster:orders-aurora", "arn:aws:rds:eu-west-1:111111111111:cluster-snapshot:rds:orders-aurora-*"],
    });
    const table = resources(json, "aws_glue_catalog_table").table_orders!;
    expect((table.parameters as Record<string, string>)["storage.location.template"]).toBe(`s3://${RAW}/web/orders_db/web-orders-db-$\${dt}/shop/shop.orders/`);
  });

  it("lets the machine read the source's snapshots, start exports, pass only the export role and use the lake key", async () => {
    const json = await synthDomain(ORDERS_EXPORT);
    expect(statements(json, "ingestion_orders_db_access")).toEqual([
      {
        sid: "FindTheSourceSnapshots",
        actions: ["rds:DescribeDBSnapshots"],
        resources: ["arn:aws:rds:eu-west-1:111111111111:db:orders-prod", "arn:aws:rds:eu-west-1:111111111111:snapshot:rds:orders-prod-*"],
      },
      { sid: "StartAndFollowExports", actions: ["rds:StartExportTask", "rds:DescribeExportTasks"], resources: ["*"] },
      {
        sid: "PassTheExportRoleToRdsOnly",
        actions: ["iam:PassRole"],
        resources: ["arn:aws:iam::111111111111:role/acme-lake-writer-web-orders_db-rds-export"],
        condition: [{ test: "StringEquals", variable: "iam:PassedToService", values: ["rds.amazonaws.com", "export.rds.amazonaws.com"] }],
      },
      // Everything RDS requires of the caller for the export's key (API Reference, StartExportTaskMessage.KmsKeyId), through RDS only.
      {
        sid: "LetTheExportUseTheLakeKey",
        actions: EXPORT_KEY_ACTIONS,
        resources: LAKE_KEY.resources,
        condition: [...LAKE_KEY.condition, { test: "StringEquals", variable: "kms:ViaService", values: ["rds.eu-west-1.amazonaws.com"] }],
      },
      { sid: "AnnounceFailures", actions: ["sns:Publish"], resources: ["arn:aws:sns:eu-west-1:111111111111:acme-web-transform-failures"] },
      {
        sid: "EncryptFailureAlertsThroughSns",
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        resources: ["arn:aws:kms:eu-west-1:111111111111:key/*"],
        condition: [
          { test: "ForAnyValue:StringEquals", variable: "kms:ResourceAliases", values: ["alias/acme-platform"] },
          { test: "StringEquals", variable: "kms:ViaService", values: ["sns.eu-west-1.amazonaws.com"] },
        ],
      },
      stateMachineLogDelivery(),
    ]);
    expect(EXPORT_ROLE_PASSED_TO).toEqual(["rds.amazonaws.com", "export.rds.amazonaws.com"]);
    expect(EXPORT_KEY_ACTIONS).toContain("kms:GenerateDataKeyWithoutPlaintext");
    expect(statements(json, "ingestion_orders_db_states_trust")).toEqual([
      {
        actions: ["sts:AssumeRole"],
        principals: [{ type: "Service", identifiers: ["states.amazonaws.com"] }],
        condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: ["111111111111"] }],
      },
    ]);
  });

  it("gives RDS a role, trusted by export.rds.amazonaws.com, that writes under the ingestion's raw prefix only", async () => {
    const json = await synthDomain(ORDERS_EXPORT);
    expect(resources(json, "aws_iam_role").ingestion_orders_db_export_role).toMatchObject({
      name: "acme-lake-writer-web-orders_db-rds-export",
      assume_role_policy: "${data.aws_iam_policy_document.ingestion_orders_db_export_trust.json}",
    });
    expect(statements(json, "ingestion_orders_db_export_trust")[0]).toMatchObject({
      principals: [{ type: "Service", identifiers: ["export.rds.amazonaws.com"] }],
      condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: ["111111111111"] }],
    });
    expect(statements(json, "ingestion_orders_db_export_access")).toEqual([
      { sid: "WriteTheIngestionPrefixOnly", actions: ["s3:PutObject*", "s3:GetObject*", "s3:DeleteObject*"], resources: [`arn:aws:s3:::${RAW}/web/orders_db/*`] },
      // As RDS documents the export role: ListBucket on the bucket itself, no prefix condition (names, never data).
      { sid: "ListAndFindTheBucket", actions: ["s3:ListBucket", "s3:GetBucketLocation"], resources: [`arn:aws:s3:::${RAW}`] },
      { sid: "EncryptWithTheLakeKey", actions: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:DescribeKey"], ...LAKE_KEY },
    ]);
  });

  it("is started daily at 03:00 UTC by default, by a scheduler role that may start this machine only", async () => {
    const json = await synthDomain(ORDERS_EXPORT);
    expect(resources(json, "aws_scheduler_schedule").ingestion_orders_db_schedule).toMatchObject({
      name: "web-orders_db-export",
      schedule_expression: "cron(0 3 * * ? *)",
      schedule_expression_timezone: "UTC",
      flexible_time_window: { mode: "OFF" },
      target: {
        arn: "${aws_sfn_state_machine.ingestion_orders_db.arn}",
        role_arn: "${aws_iam_role.ingestion_orders_db_scheduler_role.arn}",
        input: '{"scheduled_time":"<aws.scheduler.scheduled-time>"}',
      },
    });
    expect(statements(json, "ingestion_orders_db_scheduler_access")).toEqual([
      { sid: "StartThisExportOnly", actions: ["states:StartExecution"], resources: ["${aws_sfn_state_machine.ingestion_orders_db.arn}"] },
    ]);
  });

  it("turns the declared schedule's zone into the day of the run", async () => {
    const json = await synthDomain({ ...ORDERS_EXPORT, schedule: { expression: "cron(0 5 * * ? *)", timezone: "Asia/Tokyo" } });
    expect(resources(json, "aws_scheduler_schedule").ingestion_orders_db_schedule).toMatchObject({ schedule_expression: "cron(0 5 * * ? *)", schedule_expression_timezone: "Asia/Tokyo" });
    expect(definition(json, "ingestion_orders_db").States.ResolveRunDate!.Assign.run_date).toContain('"[Y0001]-[M01]-[D01]", "+0900")');
  });
});

describe("exportTaskPrefix", () => {
  it("keeps each day's export id within 60 characters of RDS's alphabet, unique by a hash when cut", () => {
    expect(exportTaskPrefix("sales", "orders__db")).toBe("sales-orders-db");
    const long = exportTaskPrefix("a_very_long_domain_name_for_the_sake_of_it", "and_an_equally_long_ingestion_name_here");
    expect(`${long}-2024-01-31`.length).toBeLessThanOrEqual(60);
    expect(long).toBe("a-very-long-domain-name-for-the-sake-of-65d18d68");
    expect(exportTaskPrefix("a_very_long_domain_name_for_the_sake_of_it", "and_an_equally_long_ingestion_name_there")).not.toBe(long);
  });
});

describe("Salesforce ingestion through AppFlow", () => {
  it("creates one scheduled flow per object from the connector profile to the raw prefix, as Parquet in a folder per day", async () => {
    const json = await synthDomain(SALESFORCE);
    const flows = resources(json, "aws_appflow_flow");
    expect(Object.keys(flows)).toEqual(["ingestion_salesforce_sf_accounts", "ingestion_salesforce_sf_opportunities"]);
    expect(flows.ingestion_salesforce_sf_accounts).toMatchObject({
      name: "acme-web-sf_accounts",
      // AppFlow takes a key ARN, not an alias: the lake key's, read from its alias after the database exists.
      kms_arn: "${data.aws_kms_alias.lake_key.target_key_arn}",
      source_flow_config: {
        connector_type: "Salesforce",
        connector_profile_name: "acme-salesforce",
        source_connector_properties: { salesforce: { object: "Account", data_transfer_api: "BULKV2", include_deleted_records: false } },
      },
      destination_flow_config: [
        {
          connector_type: "S3",
          destination_connector_properties: {
            s3: {
              bucket_name: RAW,
              bucket_prefix: "web/salesforce/sf_accounts",
              s3_output_format_config: {
                file_type: "PARQUET",
                preserve_source_data_typing: true,
                prefix_config: { prefix_type: "PATH", prefix_format: "DAY", prefix_hierarchy: ["EXECUTION_ID"] },
                aggregation_config: { aggregation_type: "SingleFile", target_file_size: 128 },
              },
            },
          },
        },
      ],
      trigger_config: { trigger_type: "Scheduled", trigger_properties: { scheduled: { schedule_expression: "rate(1days)", data_pull_mode: "Complete" } } },
      depends_on: ["aws_glue_catalog_table.table_sf_accounts"],
    });
    expect(flows.ingestion_salesforce_sf_accounts!.task).toEqual([
      { task_type: "Filter", source_fields: ["Id", "AnnualRevenue"], connector_operator: [{ salesforce: "PROJECTION" }] },
      { task_type: "Map", source_fields: ["Id"], destination_field: "account_id", connector_operator: [{ salesforce: "NO_OP" }] },
      { task_type: "Map", source_fields: ["AnnualRevenue"], destination_field: "annual_revenue", connector_operator: [{ salesforce: "NO_OP" }] },
    ]);
  });

  it("declares each object's table with a projection template on AppFlow's <flow>/<yyyy>/<MM>/<dd>/ folders", async () => {
    const json = await synthDomain(SALESFORCE);
    const table = resources(json, "aws_glue_catalog_table").table_sf_accounts!;
    expect((table.storage_descriptor as Record<string, unknown>).location).toBe(`s3://${RAW}/web/salesforce/sf_accounts/`);
    expect(table.parameters).toMatchObject({
      "projection.dt.format": "yyyy/MM/dd",
      "projection.dt.range": "2024/06/01,NOW",
      "projection.dt.interval.unit": "DAYS",
      "storage.location.template": `s3://${RAW}/web/salesforce/sf_accounts/acme-web-sf_accounts/$\${dt}/`,
    });
    expect(resources(json, "aws_sfn_state_machine")).toEqual({});
  });
});

describe("the raw bucket and lake key for AppFlow", () => {
  type Policy = { statement: Statement[] };
  const rawPolicy = (json: TerraformJson) => (json.data!.aws_iam_policy_document!.lake_raw_policy_document as Policy).statement;
  const keyPolicy = (json: TerraformJson) => (json.data!.aws_iam_policy_document!.lake_key_policy as Policy).statement;
  const synthPlatform = (appflowRawPrefixes?: string[]) => {
    const p = projectOf();
    const stack = new PlatformStack(Testing.app(), { organisation: p.organisation, environment: "staging", target: "offline", ...(appflowRawPrefixes ? { appflowRawPrefixes } : {}) });
    return JSON.parse(Testing.synth(stack)) as TerraformJson;
  };

  it("admit AppFlow nowhere when no domain declares a flow", () => {
    const json = synthPlatform();
    expect(rawPolicy(json).map((s) => s.sid)).toEqual(["DenyInsecureTransport", "DenyObjectReadsOutsideLakeFormation"]);
    expect(keyPolicy(json).map((s) => s.sid)).toEqual(["AccountAdministersTheKeyThroughIam", "AccountUsesTheKeyThroughS3"]);
  });

  it("let AppFlow of this account write under the flows' prefixes only, and encrypt with the lake key", () => {
    const json = synthPlatform(["web/salesforce/", "crm/sfdc/"]);
    const appflow = { principals: [{ type: "Service", identifiers: ["appflow.amazonaws.com"] }], condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: ["111111111111"] }] };
    expect(rawPolicy(json).slice(2)).toEqual([
      {
        sid: "AllowAppFlowToWriteIngestionPrefixes",
        effect: "Allow",
        ...appflow,
        actions: ["s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts", "s3:PutObjectAcl"],
        resources: [`arn:aws:s3:::${RAW}/crm/sfdc/*`, `arn:aws:s3:::${RAW}/web/salesforce/*`],
      },
      { sid: "AllowAppFlowToFindTheBucket", effect: "Allow", ...appflow, actions: ["s3:GetBucketAcl", "s3:ListBucketMultipartUploads"], resources: [`arn:aws:s3:::${RAW}`] },
    ]);
    expect(keyPolicy(json)[2]).toEqual({
      sid: "AllowAppFlowToEncryptIngestedFiles",
      effect: "Allow",
      ...appflow,
      actions: ["kms:GenerateDataKey", "kms:Encrypt", "kms:Decrypt", "kms:DescribeKey"],
      resources: ["*"],
    });
    const curated = (json.data!.aws_iam_policy_document!.lake_curated_policy_document as Policy).statement;
    expect(curated.map((s) => s.sid)).toEqual(["DenyInsecureTransport", "DenyObjectReadsOutsideLakeFormation"]);
  });

  it("get the prefixes of every domain's flows from buildApp", async () => {
    const p = await project(SALESFORCE, ORDERS_EXPORT);
    const { stacks } = await buildApp(p, { target: "offline", outdir: Testing.app().outdir, stacks: ["platform-staging"] });
    const json = JSON.parse(Testing.synth(stacks[0]!)) as TerraformJson;
    expect(rawPolicy(json)[2]!.resources).toEqual([`arn:aws:s3:::${RAW}/web/salesforce/*`]);
  });
});
