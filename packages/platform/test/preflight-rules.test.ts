import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadProject } from "../src/loading/load-project.ts";
import { applySuppressions, ruleFindings, synthesizedStacks, type SynthesizedStack } from "../src/preflight/index.ts";
import { RULES, type Rule } from "../src/preflight/rules/index.ts";
import { readSuppressions, suppressionMessages } from "../src/preflight/suppressions.ts";
import { sharingMessages } from "../src/governance/ram-share-acceptance.ts";
import { FIXTURE_ORGANISATION, writeFixtureOrganisation } from "./preflight-fixtures.ts";

const project = await loadProject(writeFixtureOrganisation(2));
const stacks = await synthesizedStacks(project, mkdtempSync(join(tmpdir(), "baikal-rules-")));
const stack = (name: string) => structuredClone(stacks.find((s) => s.name === name)!);
const rule = (id: string) => RULES.find((r) => r.id === id)!;
const violations = (r: Rule, s: SynthesizedStack, organisation = project.organisation) => r.check(s, { organisation }).map((v) => `${v.where}: ${v.message}`);
type Blocks = Record<string, Record<string, Record<string, unknown>>>;
const resources = (s: SynthesizedStack) => s.json.resource as Blocks;

describe("Baikal's rules", () => {
  it("each have an id, a summary, a reason, an AWS page and a severity; the ids are unique", () => {
    for (const r of RULES) {
      expect([r.id, /^[a-z0-9-]+$/.test(r.id), r.summary.length > 20, r.explanation.length > 40, r.documentation.startsWith("https://docs.aws.amazon.com/")]).toEqual([r.id, true, true, true, true]);
    }
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it("find nothing in a generated organisation", () => {
    const found = stacks.flatMap((s) => ruleFindings(s, { organisation: project.organisation }));
    expect(found.filter((f) => f.severity === "error")).toEqual([]);
    expect(found.map((f) => f.check)).toEqual([]);
  });

  it("athena-default-database: fails when a querying role loses glue:GetDatabase on default, or its DESCRIBE grant", () => {
    const web = stack("domain-d00-staging");
    const access = (web.json.data as Blocks).aws_iam_policy_document!.transform_daily_counts_access!;
    const statements = access.statement as { sid: string; resources: string[] }[];
    statements.find((s) => s.sid === "ReadTheTablesItUses")!.resources = statements.find((s) => s.sid === "ReadTheTablesItUses")!.resources.filter((r) => !r.endsWith("database/default"));
    delete resources(web).aws_lakeformation_permissions!.transform_daily_counts_grant_database_default;
    expect(violations(rule("athena-default-database"), web)).toEqual([
      "data.aws_iam_policy_document.transform_daily_counts_access: the role acme-lake-writer-d00-daily_counts runs Athena queries but may not call glue:GetDatabase on arn:aws:glue:eu-west-1:111111111111:database/default",
      "data.aws_iam_policy_document.transform_daily_counts_access: the role acme-lake-writer-d00-daily_counts runs Athena queries but this stack grants it no Lake Formation DESCRIBE on default",
    ]);
    const platform = stack("platform-staging");
    delete resources(platform).aws_lakeformation_permissions!.default_database_analysts;
    expect(violations(rule("athena-default-database"), platform)).toEqual([
      "aws_lakeformation_permissions: principal analysts (arn:aws:iam::111111111111:role/analyst) may query, but the platform stack grants it no DESCRIBE on default",
    ]);
  });

  it("lambda-reserved-concurrency: fails on a reservation baikal.config.ts does not configure", () => {
    const platform = stack("platform-staging");
    resources(platform).aws_lambda_function!.cost_monitor_event!.reserved_concurrent_executions = 5;
    expect(violations(rule("lambda-reserved-concurrency"), platform)).toEqual([
      "aws_lambda_function.cost_monitor_event: acme-athena-cost-event reserves 5 executions, which baikal.config.ts does not configure",
    ]);
    const configured = { ...project.organisation, costMonitor: { ...project.organisation.costMonitor!, reservedConcurrency: { event: 5 } } };
    expect(violations(rule("lambda-reserved-concurrency"), platform, configured)).toEqual([]);
  });

  it("lambda-policy-size: fails when a function's permissions pass Lambda's 20 KB", () => {
    const platform = stack("platform-staging");
    const permissions = resources(platform).aws_lambda_permission!;
    const one = permissions.cost_monitor_transform_alerts_permission!;
    // A statement per topic, as per-domain permissions would make them.
    for (let i = 0; i < 80; i++) permissions[`topic_${i}`] = { ...one, statement_id: `Topic${i}`, source_arn: `arn:aws:sns:eu-west-1:111111111111:acme-domain${i}-transform-failures` };
    expect(violations(rule("lambda-policy-size"), platform)).toEqual([expect.stringMatching(/^aws_lambda_function\.cost_monitor_transform_alerts: acme-transform-alerts's resource-based policy would be \d+ bytes, over Lambda's 20480$/)]);
    expect(violations(rule("lambda-policy-size"), stack("platform-staging"))).toEqual([]);
  });

  it("kms-key-arn-not-alias: fails when AppFlow, Athena or CloudWatch Logs get an alias", () => {
    const d01 = stack("domain-d01-staging");
    resources(d01).aws_appflow_flow!.ingestion_salesforce_sf_accounts!.kms_arn = "arn:aws:kms:eu-west-1:111111111111:alias/acme-lake";
    expect(violations(rule("kms-key-arn-not-alias"), d01)).toEqual([
      'aws_appflow_flow.ingestion_salesforce_sf_accounts kms_arn: "arn:aws:kms:eu-west-1:111111111111:alias/acme-lake" is not a key ARN; AppFlow CreateFlow.kmsArn ("The ARN of the KMS key")',
    ]);
  });

  it("customer-managed keys: fail on a log group, topic, queue, table, secret or bucket without one", () => {
    const platform = stack("platform-staging");
    const r = resources(platform);
    delete r.aws_cloudwatch_log_group!.cost_monitor_event_logs!.kms_key_id;
    r.aws_sns_topic!.platform_alerts!.kms_master_key_id = "alias/aws/sns";
    delete r.aws_sqs_queue!.cost_monitor_dead_letters!.kms_master_key_id;
    r.aws_dynamodb_table!.cost_monitor_alert_markers!.server_side_encryption = { enabled: true };
    delete r.aws_secretsmanager_secret!.cost_monitor_webhook_secret!.kms_key_id;
    r.aws_s3_bucket_server_side_encryption_configuration!.lake_raw_encryption!.rule = [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }];
    delete r.aws_glue_data_catalog_encryption_settings;
    const found = ["log-group-customer-key", "sns-topic-customer-key", "sqs-queue-customer-key", "dynamodb-table-customer-key", "secret-customer-key", "s3-bucket-customer-key", "glue-catalog-encrypted"].flatMap((id) =>
      violations(rule(id), platform),
    );
    expect(found).toEqual([
      "aws_cloudwatch_log_group.cost_monitor_event_logs: log group /aws/lambda/acme-athena-cost-event has no customer-managed key",
      "aws_sns_topic.platform_alerts: topic acme-platform-alerts uses the AWS-managed key alias/aws/sns",
      "aws_sqs_queue.cost_monitor_dead_letters: queue acme-athena-cost-dead-letters has no customer-managed key",
      "aws_dynamodb_table.cost_monitor_alert_markers: table acme-athena-cost-alert-markers has no customer-managed key",
      "aws_secretsmanager_secret.cost_monitor_webhook_secret: secret acme/athena-cost-monitor/slack-webhook has no customer-managed key",
      "aws_s3_bucket_server_side_encryption_configuration.lake_raw_encryption: bucket ${aws_s3_bucket.lake_raw.id} is encrypted with AES256, not SSE-KMS",
      "platform-staging: no aws_glue_data_catalog_encryption_settings: the catalog's metadata is not encrypted with a key of the organisation",
    ]);
  });

  it("kms-key-policy-scoped: fails on kms:* and on use by the account without kms:ViaService", () => {
    const platform = stack("platform-staging");
    const statements = (platform.json.data as Blocks).aws_iam_policy_document!.lake_key_policy!.statement as Record<string, unknown>[];
    statements[0]!.actions = ["kms:*"];
    delete statements[1]!.condition;
    expect(violations(rule("kms-key-policy-scoped"), platform)).toEqual([
      'data.aws_iam_policy_document.lake_key_policy statement 0 "AccountAdministersTheKeyThroughIam": allows kms:*: every operation, use included',
      'data.aws_iam_policy_document.lake_key_policy statement 0 "AccountAdministersTheKeyThroughIam": lets arn:aws:iam::111111111111:root use the key without kms:ViaService',
      'data.aws_iam_policy_document.lake_key_policy statement 1 "AccountUsesTheKeyThroughS3AndRds": lets arn:aws:iam::111111111111:root use the key without kms:ViaService',
    ]);
  });

  it("state-machine-logging: fails on a machine without a logging configuration", () => {
    const d00 = stack("domain-d00-staging");
    delete resources(d00).aws_sfn_state_machine!.ingestion_orders_db!.logging_configuration;
    expect(violations(rule("state-machine-logging"), d00)).toEqual(["aws_sfn_state_machine.ingestion_orders_db: acme-d00-orders_db-export logs nothing (level OFF, destination none)"]);
  });

  it("lake-read-through-lake-formation: fails when a role reads lake objects it does not write", () => {
    const d01 = stack("domain-d01-staging");
    const statements = (d01.json.data as Blocks).aws_iam_policy_document!.transform_daily_counts_access!.statement as Record<string, unknown>[];
    statements.push({ sid: "ReadSources", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::acme-staging-curated-111111111111/d00/daily_counts/*"] });
    expect(violations(rule("lake-read-through-lake-formation"), d01)).toEqual([
      `data.aws_iam_policy_document.transform_daily_counts_access statement ${statements.length - 1} "ReadSources": the role acme-lake-writer-d01-daily_counts reads arn:aws:s3:::acme-staging-curated-111111111111/d00/daily_counts/* with IAM, around Lake Formation`,
    ]);
  });

  it("quicksight-dataset-owner and quicksight-spice-after-grants: fail on a dataset without owner or created before its readers' grants", () => {
    const d00 = stack("domain-d00-staging");
    const dataset = resources(d00).aws_quicksight_data_set!.dataset_kinds!;
    dataset.permissions = (dataset.permissions as { actions: string[] }[]).filter((p) => !p.actions.includes("quicksight:UpdateDataSetPermissions"));
    dataset.depends_on = [];
    expect(violations(rule("quicksight-dataset-owner"), d00)).toEqual(["aws_quicksight_data_set.dataset_kinds: dataset kinds has no owner: set bi.quicksight.owners in baikal.config.ts"]);
    expect(violations(rule("quicksight-spice-after-grants"), d00)[0]).toMatch(/^aws_quicksight_data_set\.dataset_kinds: is created before aws_lakeformation_permissions\.grant_bi_/);
  });

  it("ram-share-accepted: warns, with the step, about a consumer account that declares nothing", async () => {
    const { crossAccountSharing: _, ...undeclared } = FIXTURE_ORGANISATION;
    const plain = await loadProject(writeFixtureOrganisation(1, undeclared));
    const [consumer] = await synthesizedStacks(plain, mkdtempSync(join(tmpdir(), "baikal-ram-")), ["consumer-333333333333-staging"]);
    expect(rule("ram-share-accepted").severity).toBe("warning");
    expect(violations(rule("ram-share-accepted"), consumer!, plain.organisation)).toEqual([
      `aws_glue_catalog_database.link_d00: ${sharingMessages.notDeclared("333333333333", "111111111111", "eu-west-1")}`,
    ]);
  });
});

describe("preflight-suppressions.json", () => {
  const finding = { check: "state-machine-logging", stack: "domain-web-staging", where: "aws_sfn_state_machine.job", message: "logs nothing", severity: "error" as const };
  const suppressions = (json: unknown) => {
    const root = mkdtempSync(join(tmpdir(), "baikal-suppressions-"));
    writeFileSync(join(root, "preflight-suppressions.json"), JSON.stringify(json));
    return readSuppressions(root, RULES.map((r) => r.id));
  };

  it("excuses a finding that matches, keeping its reason, and reports one that matches nothing", () => {
    const { suppressions: list, problems } = suppressions({
      suppressions: [
        { rule: "state-machine-logging", stack: "domain-*", where: "aws_sfn_state_machine.job", reason: "The job's input holds secrets; it logs through its own Lambda." },
        { rule: "secret-customer-key", stack: "platform-staging", where: "*", reason: "Migrated next quarter, tracked in #123." },
      ],
    });
    expect(problems).toEqual([]);
    const results = applySuppressions([finding], list, true);
    expect(results.findings).toEqual([]);
    expect(results.suppressed).toEqual([{ finding, reason: "The job's input holds secrets; it logs through its own Lambda." }]);
    expect(results.problems).toEqual([{ source: "preflight-suppressions.json", path: ["suppressions", 1], message: suppressionMessages.unused(list[1]!) }]);
    expect(suppressionMessages.unused(list[1]!)).toBe("suppresses secret-customer-key in platform-staging at *, but no finding matches any more; remove it");
    // Checking only some stacks cannot tell an unused suppression from one whose stack was not checked.
    expect(applySuppressions([finding], list, false).problems).toEqual([]);
  });

  it("fails when a suppression names no rule or gives no reason", () => {
    expect(suppressions({ suppressions: [{ rule: "state-machine-loging", stack: "*", where: "*", reason: "A reason long enough to read." }] }).problems).toEqual([
      { source: "preflight-suppressions.json", path: ["suppressions", 0, "rule"], message: suppressionMessages.unknownRule("state-machine-loging", RULES.map((r) => r.id)) },
    ]);
    expect(suppressions({ suppressions: [{ rule: "state-machine-logging", stack: "*", where: "*", reason: "" }] }).problems).toEqual([
      { source: "preflight-suppressions.json", path: ["suppressions", 0, "reason"], message: "say why the rule does not apply here, in a sentence a reviewer can check" },
    ]);
  });
});
