import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as appflow from "@aws-sdk/client-appflow";
import * as sfn from "@aws-sdk/client-sfn";
import { Testing } from "cdktf";
import jsonata from "jsonata";
import { beforeAll, describe, expect, it } from "vitest";
import { compileGrants } from "../src/grants/compile-grants.ts";
import { stackInputs } from "../src/compiler/stack-inputs.ts";
import { type SheetsExporterAssets, prepareSheetsExporterAssets } from "../src/exports/prepare-sheets-exporter-assets.ts";
import type { Project } from "../src/loading/project.ts";
import { DomainStack } from "../src/stacks/domain-stack.ts";
import { PlatformStack } from "../src/stacks/platform-stack.ts";
import { SALESFORCE_EXPORT, SHEETS_EXPORT, exportProject, shopWith } from "./exports-support.ts";
import { resources, type TerraformJson } from "./support.ts";

const validate = createRequire(import.meta.url)("asl-validator") as (definition: unknown) => { isValid: boolean; errors: unknown[] };

let project: Project;
let assets: SheetsExporterAssets;
let shop: TerraformJson;
let catalog: TerraformJson;
let platform: TerraformJson;

function synth(stack: string): TerraformJson {
  const { grants } = compileGrants(project);
  const [environment] = ["staging"];
  const spec = { name: stack, environment, owner: stack.startsWith("platform") ? "platform" : stack.split("-")[1]! };
  const inputs = stackInputs(project, spec, { target: "offline", grants: grants!, sheetsExporterAssets: assets });
  const app = Testing.app();
  const built = inputs.kind === "platform" ? new PlatformStack(app, inputs.props) : new DomainStack(app, inputs.props as never);
  return JSON.parse(Testing.synth(built)) as TerraformJson;
}

beforeAll(async () => {
  project = await exportProject(shopWith(SHEETS_EXPORT, SALESFORCE_EXPORT));
  assets = await prepareSheetsExporterAssets(mkdtempSync(join(tmpdir(), "baikal-exports-")));
  shop = synth("domain-shop-staging");
  catalog = synth("domain-catalog-staging");
  platform = synth("platform-staging");
});

type Statement = { sid: string; actions: string[]; resources: string[]; condition?: unknown[]; principals?: unknown[] };
const statements = (json: TerraformJson, name: string) => json.data!.aws_iam_policy_document![name]!.statement as Statement[];
type States = Record<string, Record<string, any>>;
const definition = () =>
  JSON.parse((resources(shop, "aws_sfn_state_machine").export_sales_crm!.definition as string).replace("${aws_sns_topic.transform_alerts.arn}", "TOPIC")) as {
    States: States;
    StartAt: string;
  };

/** Evaluates every `{% %}` expression of a state field with Step Functions' variables bound. */
async function evaluate(value: unknown, bindings: Record<string, unknown>): Promise<any> {
  if (typeof value === "string") {
    const match = /^\{%(.*)%\}$/s.exec(value);
    return match ? jsonata(match[1]!).evaluate({}, bindings) : value;
  }
  if (Array.isArray(value)) return Promise.all(value.map((v) => evaluate(v, bindings)));
  if (value && typeof value === "object") {
    return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await evaluate(v, bindings)])));
  }
  return value;
}
const context = { Execution: { Id: "arn:aws:states:eu-west-1:111111111111:execution:acme-shop-sales_crm-export:run-1" }, StateMachine: { Id: "arn:aws:states:eu-west-1:111111111111:stateMachine:acme-shop-sales_crm-export" } };
const choose = async (state: Record<string, any>, bindings: Record<string, unknown>) => {
  for (const choice of state.Choices) if (await evaluate(choice.Condition, bindings)) return choice.Next as string;
  return state.Default as string;
};

describe("a Google Sheets export", () => {
  it("is a function of the bundled exporter, configured with the view's columns, the tab and the domain's key secret", () => {
    expect(resources(shop, "aws_lambda_function").export_sales_sheet).toMatchObject({
      function_name: "acme-shop-sales_sheet-export",
      handler: "index.handler",
      runtime: "nodejs20.x",
      architectures: ["arm64"],
      timeout: 900,
      memory_size: 1024,
      role: "${aws_iam_role.export_sales_sheet_role.arn}",
      environment: {
        variables: {
          EXPORT_ID: "shop.sales_sheet",
          EXPORT_QUERY: 'SELECT "sales_key", "dt", "category", "revenue" FROM "shop"."daily_sales"',
          ATHENA_DATABASE: "shop",
          ATHENA_WORKGROUP: "shop",
          SPREADSHEET_ID: "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms",
          SHEET_NAME: "Daily sales",
          GOOGLE_SERVICE_ACCOUNT_SECRET_ID: "${aws_secretsmanager_secret.sheets_service_account.arn}",
          FAILURE_TOPIC_ARN: "arn:aws:sns:eu-west-1:111111111111:acme-shop-transform-failures",
        },
      },
    });
    expect(resources(shop, "aws_lambda_function_event_invoke_config").export_sales_sheet_async_invoke).toMatchObject({ maximum_retry_attempts: 0 });
  });

  it("keeps the service account's key in a secret Terraform creates without a value", () => {
    expect(resources(shop, "aws_secretsmanager_secret").sheets_service_account).toMatchObject({ name: "acme/shop/google-sheets-service-account" });
    expect(resources(shop, "aws_secretsmanager_secret_version")).toEqual({});
  });

  it("is invoked by EventBridge Scheduler with a role that may invoke this function only", () => {
    expect(resources(shop, "aws_scheduler_schedule").export_sales_sheet_schedule).toMatchObject({
      schedule_expression: "cron(0 7 * * ? *)",
      schedule_expression_timezone: "Europe/Berlin",
      target: { arn: "${aws_lambda_function.export_sales_sheet.arn}" },
    });
    expect(statements(shop, "export_sales_sheet_scheduler_access")).toEqual([
      { sid: "InvokeThisExportOnly", actions: ["lambda:InvokeFunction"], resources: ["${aws_lambda_function.export_sales_sheet.arn}"] },
    ]);
  });

  it("may query the view in the domain's workgroup and read the key, but read no lake data from S3", () => {
    const granted = statements(shop, "export_sales_sheet_access");
    expect(granted.map((s) => s.sid)).toEqual([
      "WriteOwnLogs",
      "ReadTheServiceAccountKey",
      "UseThePlatformKeyThroughSecretsManager",
      "RunQueriesInTheDomainWorkgroup",
      "UseTheGlueCatalog",
      "ReadTheViewAndWhatItReads",
      "WriteAndReadQueryResults",
      "ListQueryResults",
      "FindTheResultsBucket",
      "UseTheLakeKeyForQueryResults",
      "GetLakeFormationCredentials",
      "AnnounceFailures",
    ]);
    expect(granted.find((s) => s.sid === "ReadTheViewAndWhatItReads")!.resources).toEqual([
      "arn:aws:glue:eu-west-1:111111111111:catalog",
      "arn:aws:glue:eu-west-1:111111111111:database/default",
      "arn:aws:glue:eu-west-1:111111111111:database/shop",
      "arn:aws:glue:eu-west-1:111111111111:database/catalog",
      "arn:aws:glue:eu-west-1:111111111111:table/shop/daily_sales",
      "arn:aws:glue:eu-west-1:111111111111:table/shop/orders",
      "arn:aws:glue:eu-west-1:111111111111:table/catalog/products",
    ]);
    const s3 = granted.flatMap((s) => s.resources.filter((r) => r.startsWith("arn:aws:s3")));
    expect(s3.every((r) => r.includes("query-results"))).toBe(true);
  });
});

describe("an export's role as a reader", () => {
  it("gets exactly the view's lineage through the grants compiler, in each stack's grant chain after the role exists", () => {
    const grants = resources(shop, "aws_lakeformation_permissions");
    expect(grants["grant_export-shop-sales_sheet_daily_sales"]).toMatchObject({
      principal: "arn:aws:iam::111111111111:role/acme-shop-sales_sheet-export",
      permissions: ["DESCRIBE", "SELECT"],
      table: { database_name: "shop", name: "daily_sales" },
    });
    expect(grants["grant_export-shop-sales_sheet_orders"]).toMatchObject({
      permissions: ["SELECT"],
      table_with_columns: { database_name: "shop", name: "orders", column_names: ["product_id", "amount", "dt"] },
    });
    // The chain's first grant waits for the roles; every other grant waits for the one before it.
    const first = Object.values(grants).find((g) => !(g.depends_on as string[]).some((d) => d.startsWith("aws_lakeformation_permissions.")))!;
    expect(first.depends_on).toEqual(expect.arrayContaining(["aws_iam_role.export_sales_sheet_role", "aws_iam_role.export_sales_crm_role"]));
    expect(resources(catalog, "aws_lakeformation_permissions")["grant_export-shop-sales_crm_products"]).toMatchObject({
      principal: "arn:aws:iam::111111111111:role/acme-shop-sales_crm-export",
      table_with_columns: { database_name: "catalog", name: "products", column_names: ["product_id", "category"] },
    });
  });

  it("is listed in the access report as exported to its destination", () => {
    const access = compileGrants(project).grants!.environments[0]!.access.filter((a) => a.principal.startsWith("export-"));
    expect([...new Set(access.map((a) => `${a.principal} ${a.resource} ${a.through}`))].sort()).toEqual([
      "export-shop-sales_crm catalog.products exported to Salesforce Daily_Sales__c",
      "export-shop-sales_crm shop.daily_sales exported to Salesforce Daily_Sales__c",
      "export-shop-sales_crm shop.orders exported to Salesforce Daily_Sales__c",
      "export-shop-sales_sheet catalog.products exported to Google Sheets Daily sales",
      "export-shop-sales_sheet shop.daily_sales exported to Google Sheets Daily sales",
      "export-shop-sales_sheet shop.orders exported to Google Sheets Daily sales",
    ]);
  });
});

describe("a Salesforce export", () => {
  it("has an on-demand flow from the staging folder to the object, upserting on the external id, rejected records to the lake", () => {
    const flow = resources(shop, "aws_appflow_flow").export_sales_crm_flow!;
    expect(flow).toMatchObject({
      name: "acme-shop-sales_crm-export",
      // The key's ARN, read from its alias: AppFlow creates a grant on the key, which an alias cannot name.
      kms_arn: "${data.aws_kms_alias.lake_key.target_key_arn}",
      trigger_config: { trigger_type: "OnDemand" },
      source_flow_config: {
        connector_type: "S3",
        source_connector_properties: {
          s3: { bucket_name: "acme-staging-query-results-111111111111", bucket_prefix: "shop/exports/sales_crm/staging", s3_input_format_config: { s3_input_file_type: "JSON" } },
        },
      },
      destination_flow_config: [
        {
          connector_type: "Salesforce",
          connector_profile_name: "acme-salesforce",
          destination_connector_properties: {
            salesforce: {
              object: "Daily_Sales__c",
              write_operation_type: "UPSERT",
              id_field_names: ["Sales_Key__c"],
              error_handling_config: { bucket_name: "acme-staging-raw-111111111111", bucket_prefix: "shop/exports/sales_crm/errors", fail_on_first_destination_error: false },
            },
          },
        },
      ],
    });
    expect(flow.task).toEqual([
      { task_type: "Filter", source_fields: ["sales_key", "dt", "revenue"], connector_operator: [{ s3: "PROJECTION" }] },
      { task_type: "Map", source_fields: ["sales_key"], destination_field: "Sales_Key__c", connector_operator: [{ s3: "NO_OP" }] },
      { task_type: "Map", source_fields: ["dt"], destination_field: "Day__c", connector_operator: [{ s3: "NO_OP" }] },
      { task_type: "Map", source_fields: ["revenue"], destination_field: "Revenue__c", connector_operator: [{ s3: "NO_OP" }] },
    ]);
  });

  it("runs a state machine that asl-validator accepts, started by the scheduler", () => {
    const result = validate(structuredClone(definition()));
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
    expect(resources(shop, "aws_scheduler_schedule").export_sales_crm_schedule).toMatchObject({
      schedule_expression: "rate(1 hour)",
      target: { arn: "${aws_sfn_state_machine.export_sales_crm.arn}" },
    });
  });

  it("stages the mapped columns with UNLOAD as uncompressed JSON lines in the domain's workgroup", () => {
    expect(definition().States.Unload).toMatchObject({
      Resource: "arn:aws:states:::athena:startQueryExecution.sync",
      Arguments: {
        QueryString:
          "UNLOAD (SELECT \"sales_key\", \"dt\", \"revenue\" FROM \"shop\".\"daily_sales\") TO 's3://acme-staging-query-results-111111111111/shop/exports/sales_crm/staging/' WITH (format = 'JSON', compression = 'NONE')",
        WorkGroup: "shop",
        QueryExecutionContext: { Database: "shop" },
      },
    });
  });

  it("calls AppFlow and Step Functions with arguments and result fields their SDK models define", () => {
    const members = (shape: unknown) => (shape as [number, string, string, number, string[]])[4];
    const pascal = (names: string[]) => names.map((n) => n[0]!.toUpperCase() + n.slice(1));
    const s = definition().States;
    expect(pascal(members(appflow.StartFlowRequest$))).toEqual(expect.arrayContaining(Object.keys(s.StartFlow!.Arguments)));
    expect(pascal(members(appflow.DescribeFlowExecutionRecordsRequest$))).toEqual(expect.arrayContaining(Object.keys(s.CheckFlow!.Arguments)));
    expect(pascal(members(sfn.ListExecutionsInput$))).toEqual(expect.arrayContaining(Object.keys(s.CheckNoOtherRun!.Arguments)));
    // What the expressions read from the results.
    expect(pascal(members(appflow.StartFlowResponse$))).toContain("ExecutionId");
    expect(pascal(members(appflow.DescribeFlowExecutionRecordsResponse$))).toContain("FlowExecutions");
    expect(pascal(members(appflow.ExecutionRecord$))).toEqual(expect.arrayContaining(["ExecutionId", "ExecutionStatus", "ExecutionResult"]));
    expect(pascal(members(appflow.ExecutionResult$))).toEqual(expect.arrayContaining(["ErrorInfo", "RecordsProcessed"]));
    expect(pascal(members(appflow.ErrorInfo$))).toEqual(["PutFailuresCount", "ExecutionMessage"]);
    expect(pascal(members(sfn.ExecutionListItem$))).toContain("ExecutionArn");
    expect(Object.values(appflow.ExecutionStatus).sort()).toEqual(["CancelStarted", "Canceled", "Error", "InProgress", "Successful"]);
  });

  it("skips a run while another is going, and empties the staging folder before UNLOAD", async () => {
    const s = definition().States;
    const own = { ExecutionArn: context.Execution.Id };
    const alone = await evaluate(s.CheckNoOtherRun!.Assign, { states: { result: { Executions: [own] }, context } });
    expect(alone).toEqual({ polls: 0, others: 0 });
    const crowded = await evaluate(s.CheckNoOtherRun!.Assign, { states: { result: { Executions: [own, { ExecutionArn: "other" }] }, context } });
    expect(await choose(s.OtherRunGoing!, crowded)).toBe("Overlapping");
    expect(await choose(s.StagingEmpty!, { states: { input: { KeyCount: 0 } } })).toBe("Unload");
    const listed = { Contents: [{ Key: "shop/exports/sales_crm/staging/a" }, { Key: "shop/exports/sales_crm/staging/b" }] };
    expect(await choose(s.StagingEmpty!, { states: { input: listed } })).toBe("DeleteStagedFiles");
    expect((await evaluate(s.DeleteStagedFiles!.Arguments, { states: { input: listed } })).Delete.Objects).toEqual([
      { Key: "shop/exports/sales_crm/staging/a" },
      { Key: "shop/exports/sales_crm/staging/b" },
    ]);
  });

  it("starts the flow only when UNLOAD wrote rows", async () => {
    const s = definition().States;
    const none = await evaluate(s.ListUnloadedFiles!.Assign, { states: { result: { KeyCount: 0 } } });
    expect(await choose(s.AnythingToSend!, none)).toBe("Succeeded");
    const empty = await evaluate(s.ListUnloadedFiles!.Assign, { states: { result: { Contents: [{ Key: "x", Size: 0 }] } } });
    expect(await choose(s.AnythingToSend!, empty)).toBe("Succeeded");
    const some = await evaluate(s.ListUnloadedFiles!.Assign, { states: { result: { Contents: [{ Key: "x", Size: 0 }, { Key: "y", Size: 812 }] } } });
    expect(await choose(s.AnythingToSend!, some)).toBe("StartFlow");
    expect(await evaluate(s.StartFlow!.Assign, { states: { result: { FlowArn: "arn", FlowStatus: "Active", ExecutionId: "e-7" } } })).toEqual({ flow_execution: "e-7" });
  });

  it("polls the flow's execution record until it ends, and counts the records Salesforce rejected", async () => {
    const s = definition().States;
    const poll = (records: unknown[]) => evaluate(s.CheckFlow!.Assign, { states: { result: { FlowExecutions: records } }, polls: 3, flow_execution: "e-7" });
    const running = await poll([{ ExecutionId: "e-6", ExecutionStatus: "Successful" }]);
    expect(running).toEqual({ polls: 4, flow_status: "InProgress", rejected: 0, sent: 0, flow_message: "no message" });
    expect(await choose(s.FlowDone!, running)).toBe("WaitForFlow");

    const clean = await poll([{ ExecutionId: "e-7", ExecutionStatus: "Successful", ExecutionResult: { RecordsProcessed: 120 } }, { ExecutionId: "e-6" }]);
    expect(await choose(s.FlowDone!, clean)).toBe("Succeeded");

    const rejected = await poll([{ ExecutionId: "e-7", ExecutionStatus: "Successful", ExecutionResult: { RecordsProcessed: 120, ErrorInfo: { PutFailuresCount: 3, ExecutionMessage: "3 records failed" } } }]);
    expect(await choose(s.FlowDone!, rejected)).toBe("RecordsRejected");
    const failure = (await evaluate(s.RecordsRejected!.Assign, rejected)).failure;
    expect(failure).toEqual({
      Error: "RecordsRejected",
      Cause: "Salesforce rejected 3 of 120 records; AppFlow wrote them to s3://acme-staging-raw-111111111111/shop/exports/sales_crm/errors/",
    });

    const failed = await poll([{ ExecutionId: "e-7", ExecutionStatus: "Error", ExecutionResult: { ErrorInfo: { PutFailuresCount: 0, ExecutionMessage: "INVALID_SESSION_ID" } } }]);
    expect(await choose(s.FlowDone!, failed)).toBe("FlowFailed");
    expect((await evaluate(s.FlowFailed!.Assign, { ...failed, flow_execution: "e-7" })).failure.Cause).toBe(
      "flow run e-7 ended Error (0 records rejected): INVALID_SESSION_ID; rejected records are in s3://acme-staging-raw-111111111111/shop/exports/sales_crm/errors/",
    );
    expect(await choose(s.FlowDone!, { ...running, polls: 240 })).toBe("FlowTooSlow");
  });

  it("publishes a failure with the count of rejected records to the domain's failure topic, then fails", async () => {
    const s = definition().States;
    const failure = { Error: "RecordsRejected", Cause: "Salesforce rejected 3 of 120 records; AppFlow wrote them to s3://x/" };
    expect(await evaluate(s.NotifyFailure!.Arguments, { failure, states: { context } })).toEqual({
      TopicArn: "TOPIC",
      Subject: "Export shop.sales_crm failed",
      Message: `Export shop.sales_crm (shop.daily_sales to Salesforce Daily_Sales__c) failed: RecordsRejected: Salesforce rejected 3 of 120 records; AppFlow wrote them to s3://x/\nExecution: ${context.Execution.Id}`,
    });
    expect(await evaluate({ Error: s.Failed!.Error, Cause: s.Failed!.Cause }, { failure })).toEqual(failure);
  });

  it("may start and follow its own flow and empty its own staging folder, nothing more", () => {
    const granted = statements(shop, "export_sales_crm_access");
    expect(granted.filter((s) => ["SeeItsOwnRuns", "EmptyTheStagingFolder", "StartAndFollowItsFlow"].includes(s.sid))).toEqual([
      { sid: "SeeItsOwnRuns", actions: ["states:ListExecutions"], resources: ["arn:aws:states:eu-west-1:111111111111:stateMachine:acme-shop-sales_crm-export"] },
      { sid: "EmptyTheStagingFolder", actions: ["s3:DeleteObject"], resources: ["arn:aws:s3:::acme-staging-query-results-111111111111/shop/exports/sales_crm/staging/*"] },
      {
        sid: "StartAndFollowItsFlow",
        actions: ["appflow:StartFlow", "appflow:DescribeFlowExecutionRecords"],
        resources: ["arn:aws:appflow:eu-west-1:111111111111:flow/acme-shop-sales_crm-export"],
      },
    ]);
  });

  it("lets AppFlow read the staged rows and write rejected records through the platform's bucket and key policies", () => {
    const results = statements(platform, "lake_query_results_policy_document");
    expect(results.find((s) => s.sid === "AllowAppFlowToReadExportStaging")).toMatchObject({
      actions: ["s3:GetObject"],
      resources: ["arn:aws:s3:::acme-staging-query-results-111111111111/shop/exports/sales_crm/staging/*"],
      principals: [{ type: "Service", identifiers: ["appflow.amazonaws.com"] }],
    });
    const raw = statements(platform, "lake_raw_policy_document");
    expect(raw.find((s) => s.sid === "AllowAppFlowToWriteIngestionPrefixes")!.resources).toEqual(["arn:aws:s3:::acme-staging-raw-111111111111/shop/exports/sales_crm/errors/*"]);
    expect(statements(platform, "lake_key_policy").map((s) => s.sid)).toContain("AllowAppFlowToEncryptIngestedFiles");
  });
});
