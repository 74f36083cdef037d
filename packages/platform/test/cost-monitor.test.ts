import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/compiler/build-app.ts";
import { ENVIRONMENT, EVENT_PATTERN, LAMBDA_HANDLERS, LAMBDA_RUNTIME } from "../src/cost-monitor/notifier-package.ts";
import { DEFAULTS } from "../src/declarations/defaults.ts";
import type { OrganisationInput } from "../src/declarations/organisation.ts";
import { ADS_DOMAIN, EVENTS_DOMAIN, ORGANISATION, projectOf, resources, synthPlatform, type TerraformJson, testCostMonitorAssets } from "./support.ts";

const MONITORED: OrganisationInput = {
  ...ORGANISATION,
  costMonitor: { slackWebhookSecretName: "acme/athena-cost-monitor/slack-webhook", workgroupThresholdsUsd: { analytics: 5 } },
};
const assets = await testCostMonitorAssets();
const json = synthPlatform(projectOf(undefined, MONITORED), "staging", "offline", assets);

/** The one resource of this type and Terraform name. */
function resource(type: string, name: string, from: TerraformJson = json): Record<string, unknown> {
  const found = resources(from, type)[name];
  if (!found) throw new Error(`no ${type}.${name}; have ${Object.keys(resources(from, type)).join(", ")}`);
  return found;
}

/** Statements of a policy document data source, without the sids' order mattering. */
function statements(name: string): Record<string, unknown>[] {
  return json.data!.aws_iam_policy_document![name]!.statement as Record<string, unknown>[];
}

const ref = (address: string) => `\${${address}}`;
const QUEUE_ARN = ref("aws_sqs_queue.cost_monitor_dead_letters.arn");
const WORKGROUPS = "arn:aws:athena:eu-west-1:111111111111:workgroup/*";
const CURATED = ref("aws_s3_bucket.lake_curated.arn");
const LOG_OBJECTS = `${CURATED}/platform/athena_query_log/*`;
const PLATFORM_KEY = ref("aws_kms_key.platform_key.arn");

describe("AthenaCostMonitor event rule", () => {
  it("sends every Athena query that reached SUCCEEDED, FAILED or CANCELLED to the event function", () => {
    const rule = resource("aws_cloudwatch_event_rule", "cost_monitor_rule");
    expect(rule.name).toBe("acme-athena-query-finished");
    expect(JSON.parse(rule.event_pattern as string)).toEqual({
      source: ["aws.athena"],
      "detail-type": ["Athena Query State Change"],
      detail: { currentState: ["SUCCEEDED", "FAILED", "CANCELLED"] },
    });
    expect(JSON.parse(rule.event_pattern as string)).toEqual(EVENT_PATTERN);
  });

  it("retries failed deliveries for an hour and parks undeliverable events in the dead-letter queue", () => {
    expect(resource("aws_cloudwatch_event_target", "cost_monitor_rule_target")).toMatchObject({
      rule: ref("aws_cloudwatch_event_rule.cost_monitor_rule.name"),
      arn: ref("aws_lambda_function.cost_monitor_event.arn"),
      retry_policy: { maximum_event_age_in_seconds: 3600, maximum_retry_attempts: 10 },
      dead_letter_config: { arn: QUEUE_ARN },
    });
  });

  it("lets EventBridge invoke the event function from this rule only", () => {
    expect(resource("aws_lambda_permission", "cost_monitor_rule_permission")).toMatchObject({
      action: "lambda:InvokeFunction",
      function_name: ref("aws_lambda_function.cost_monitor_event.function_name"),
      principal: "events.amazonaws.com",
      source_arn: ref("aws_cloudwatch_event_rule.cost_monitor_rule.arn"),
    });
  });

  it("grants function invocations with the same three statements however many domains the organisation has", () => {
    const invokers = (from: TerraformJson) =>
      Object.entries(resources(from, "aws_lambda_permission")).map(([name, p]) => [name, p.statement_id, p.function_name, p.principal]);
    const many = synthPlatform(projectOf([EVENTS_DOMAIN, ADS_DOMAIN], MONITORED), "staging", "offline", assets);
    expect(invokers(many)).toEqual(invokers(json));
    expect(invokers(json)).toEqual([
      ["cost_monitor_rule_permission", "AthenaQueryStateChangeRule", ref("aws_lambda_function.cost_monitor_event.function_name"), "events.amazonaws.com"],
      ["cost_monitor_transform_alerts_permission", "TransformFailureTopics", ref("aws_lambda_function.cost_monitor_transform_alerts.function_name"), "sns.amazonaws.com"],
      ["platform_alerts_delivery_permission", "PlatformAlertsTopic", ref("aws_lambda_function.cost_monitor_transform_alerts.function_name"), "sns.amazonaws.com"],
    ]);
    expect(resource("aws_lambda_permission", "cost_monitor_transform_alerts_permission", many)).toMatchObject({
      source_account: "111111111111",
      source_arn: "arn:aws:sns:eu-west-1:111111111111:acme-*-transform-failures",
    });
  });
});

describe("AthenaCostMonitor functions", () => {
  const event = resource("aws_lambda_function", "cost_monitor_event");
  const sweep = resource("aws_lambda_function", "cost_monitor_sweep");

  it("runs both handlers of one zipped cost-notifier bundle with the documented defaults", () => {
    expect(event).toMatchObject({
      function_name: "acme-athena-cost-event",
      handler: LAMBDA_HANDLERS.event,
      runtime: LAMBDA_RUNTIME,
      architectures: ["arm64"],
      timeout: DEFAULTS.costMonitorEventTimeoutSeconds,
      memory_size: DEFAULTS.costMonitorMemoryMb,
      role: ref("aws_iam_role.cost_monitor_event_role.arn"),
    });
    expect(sweep).toMatchObject({
      function_name: "acme-athena-cost-sweep",
      handler: LAMBDA_HANDLERS.sweep,
      runtime: LAMBDA_RUNTIME,
      timeout: DEFAULTS.costMonitorSweepTimeoutSeconds,
      role: ref("aws_iam_role.cost_monitor_sweep_role.arn"),
    });
    expect(event.filename).toMatch(/^assets\/cost_monitor_code\/[0-9A-F]{32}\/archive\.zip$/);
    expect(sweep.filename).toBe(event.filename);
    // The content hash of the bundle, which changes only when the code does.
    expect(event.source_code_hash).toBe((event.filename as string).split("/")[2]);
    expect(sweep.source_code_hash).toBe(event.source_code_hash);
    expect([LAMBDA_HANDLERS, LAMBDA_RUNTIME]).toEqual([
      { event: "index.handler", sweep: "index.sweepHandler", transformFailure: "index.transformFailureHandler" },
      "nodejs20.x",
    ]);
  });

  it("reserves no concurrency unless costMonitor.reservedConcurrency asks, since new accounts reject any reservation", () => {
    for (const fn of Object.values(resources(json, "aws_lambda_function"))) expect(fn.reserved_concurrent_executions).toBeUndefined();
    const reserving = synthPlatform(
      projectOf(undefined, { ...MONITORED, costMonitor: { ...MONITORED.costMonitor!, reservedConcurrency: { event: 5, sweep: 1 } } }),
      "staging",
      "offline",
      assets,
    );
    const reserved = Object.fromEntries(Object.entries(resources(reserving, "aws_lambda_function")).map(([name, fn]) => [name, fn.reserved_concurrent_executions]));
    expect(reserved).toEqual({ cost_monitor_event: 5, cost_monitor_sweep: 1, cost_monitor_transform_alerts: undefined });
  });

  it("configures the notifier through its environment contract, pointing at this stack's resources", () => {
    const expected = {
      [ENVIRONMENT.queryLogBucket]: ref("aws_s3_bucket.lake_curated.bucket"),
      [ENVIRONMENT.queryLogPrefix]: "platform/athena_query_log",
      [ENVIRONMENT.queryLogKmsKeyId]: ref("aws_kms_key.lake_key.arn"),
      [ENVIRONMENT.idempotencyTable]: ref("aws_dynamodb_table.cost_monitor_alert_markers.name"),
      [ENVIRONMENT.slackWebhookSecretId]: ref("aws_secretsmanager_secret.cost_monitor_webhook_secret.arn"),
      [ENVIRONMENT.alertThresholdUsd]: String(DEFAULTS.alertThresholdUsd),
      [ENVIRONMENT.workgroupThresholdsUsd]: '{"analytics":5}',
      [ENVIRONMENT.pricePerTerabyteUsd]: String(DEFAULTS.pricePerTerabyteUsd),
      [ENVIRONMENT.sweepLookbackMinutes]: String(DEFAULTS.costMonitorSweepLookbackMinutes),
    };
    expect(event.environment).toEqual({ variables: expected });
    expect(sweep.environment).toEqual({ variables: expected });
    // Lambda sets AWS_REGION itself and refuses functions that try to.
    expect(Object.keys(expected).sort()).toEqual(Object.values(ENVIRONMENT).filter((name) => name !== ENVIRONMENT.region).sort());
  });

  it("never puts a webhook URL into the configuration, only the secret's ARN", () => {
    const text = JSON.stringify(json);
    expect(text).not.toMatch(/hooks\.slack\.com|https?:\/\//);
    expect(resources(json, "aws_secretsmanager_secret_version")).toEqual({});
  });

  it("uses the configured thresholds and price instead of the defaults", () => {
    const custom = synthPlatform(
      projectOf(undefined, { ...MONITORED, costMonitor: { ...MONITORED.costMonitor!, alertThresholdUsd: 0.5, pricePerTerabyteUsd: 6.25 } }),
      "staging",
      "offline",
      assets,
    );
    const variables = (resource("aws_lambda_function", "cost_monitor_event", custom).environment as { variables: Record<string, string> }).variables;
    expect(variables).toMatchObject({ [ENVIRONMENT.alertThresholdUsd]: "0.5", [ENVIRONMENT.pricePerTerabyteUsd]: "6.25" });
  });

  it("writes each function's logs to a group of its own, kept for the default retention and encrypted with the platform key", () => {
    for (const [name, fn] of [["event", event], ["sweep", sweep]] as const) {
      expect(resource("aws_cloudwatch_log_group", `cost_monitor_${name}_logs`)).toEqual({
        name: `/aws/lambda/acme-athena-cost-${name}`,
        retention_in_days: DEFAULTS.costMonitorLogRetentionDays,
        kms_key_id: PLATFORM_KEY,
      });
      expect(fn.logging_config).toEqual({ log_format: "Text", log_group: ref(`aws_cloudwatch_log_group.cost_monitor_${name}_logs.name`) });
    }
  });

  it("sends invocations Lambda gives up on to the dead-letter queue", () => {
    expect(resource("aws_lambda_function_event_invoke_config", "cost_monitor_event_async_invoke")).toEqual({
      function_name: ref("aws_lambda_function.cost_monitor_event.function_name"),
      maximum_retry_attempts: 2,
      destination_config: { on_failure: { destination: QUEUE_ARN } },
    });
    expect(resource("aws_lambda_function_event_invoke_config", "cost_monitor_sweep_async_invoke")).toMatchObject({
      maximum_retry_attempts: 0,
      destination_config: { on_failure: { destination: QUEUE_ARN } },
    });
  });
});

describe("AthenaCostMonitor permissions", () => {
  const shared = [
    { sid: "FindWhoRanTheQuery", actions: ["cloudtrail:LookupEvents"], resources: ["*"] },
    { sid: "EncryptQueryLog", actions: ["kms:GenerateDataKey", "kms:Encrypt", "kms:Decrypt"], resources: [ref("aws_kms_key.lake_key.arn")] },
    { sid: "ClaimAlerts", actions: ["dynamodb:UpdateItem", "dynamodb:DeleteItem"], resources: [ref("aws_dynamodb_table.cost_monitor_alert_markers.arn")] },
    { sid: "ReadSlackWebhook", actions: ["secretsmanager:GetSecretValue"], resources: [ref("aws_secretsmanager_secret.cost_monitor_webhook_secret.arn")] },
  ];
  const own = (fn: string) => [
    { sid: "WriteOwnLogs", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [`${ref(`aws_cloudwatch_log_group.cost_monitor_${fn}_logs.arn`)}:*`] },
    { sid: "SendFailedInvocationsToDeadLetterQueue", actions: ["sqs:SendMessage"], resources: [QUEUE_ARN] },
    {
      sid: "UseThePlatformKeyThroughSqsAndSecretsManager",
      actions: ["kms:Decrypt", "kms:GenerateDataKey"],
      resources: [PLATFORM_KEY],
      condition: [{ test: "StringEquals", variable: "kms:ViaService", values: ["sqs.eu-west-1.amazonaws.com", "secretsmanager.eu-west-1.amazonaws.com"] }],
    },
  ];

  it("gives the event function exactly what the event handler calls", () => {
    expect(statements("cost_monitor_event_access")).toEqual([
      ...own("event"),
      { sid: "ReadFinishedQueries", actions: ["athena:GetQueryExecution"], resources: [WORKGROUPS] },
      ...shared,
      { sid: "WriteQueryLog", actions: ["s3:PutObject"], resources: [LOG_OBJECTS] },
    ]);
  });

  it("gives the sweep exactly what the sweep calls, and lets it list the query-log prefix only", () => {
    expect(statements("cost_monitor_sweep_access")).toEqual([
      ...own("sweep"),
      { sid: "ListWorkgroups", actions: ["athena:ListWorkGroups"], resources: ["*"] },
      {
        sid: "ListFinishedQueries",
        actions: ["athena:ListQueryExecutions", "athena:BatchGetQueryExecution", "athena:GetQueryExecution"],
        resources: [WORKGROUPS],
      },
      ...shared,
      {
        sid: "FindPendingAlerts",
        actions: ["dynamodb:Query"],
        resources: [`${ref("aws_dynamodb_table.cost_monitor_alert_markers.arn")}/index/pending-alerts`],
      },
      { sid: "ReadAndWriteQueryLog", actions: ["s3:GetObject", "s3:PutObject"], resources: [LOG_OBJECTS] },
      {
        sid: "ListQueryLogOnly",
        actions: ["s3:ListBucket"],
        resources: [CURATED],
        condition: [{ test: "StringLike", variable: "s3:prefix", values: ["platform/athena_query_log/*"] }],
      },
    ]);
  });

  it("gives each function a role of its own that only Lambda may assume, the two that write the query log as lake writers", () => {
    for (const [fn, role] of [["event", "acme-lake-writer-query-log-events"], ["sweep", "acme-lake-writer-query-log-sweep"]] as const) {
      expect(resource("aws_iam_role", `cost_monitor_${fn}_role`)).toMatchObject({
        name: role,
        assume_role_policy: ref(`data.aws_iam_policy_document.cost_monitor_${fn}_trust.json`),
      });
      expect(statements(`cost_monitor_${fn}_trust`)).toEqual([
        { actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["lambda.amazonaws.com"] }] },
      ]);
      expect(resource("aws_iam_role_policy", `cost_monitor_${fn}_access_policy`)).toMatchObject({
        role: ref(`aws_iam_role.cost_monitor_${fn}_role.id`),
        policy: ref(`data.aws_iam_policy_document.cost_monitor_${fn}_access.json`),
      });
    }
  });
});

describe("AthenaCostMonitor state", () => {
  it("creates the webhook secret with no version, so the URL never reaches Terraform state", () => {
    const secret = resource("aws_secretsmanager_secret", "cost_monitor_webhook_secret");
    expect(secret.name).toBe("acme/athena-cost-monitor/slack-webhook");
    expect(secret).not.toHaveProperty("recovery_window_in_days");
    expect(secret.kms_key_id).toBe(PLATFORM_KEY);
    expect(resources(json, "aws_secretsmanager_secret_version")).toEqual({});
  });

  it("keys the alert claims as the notifier expects, with an index of pending claims, TTL and the platform key, billed per request", () => {
    expect(resource("aws_dynamodb_table", "cost_monitor_alert_markers")).toEqual({
      name: "acme-athena-cost-alert-markers",
      billing_mode: "PAY_PER_REQUEST",
      hash_key: "pk",
      attribute: [
        { name: "pk", type: "S" },
        { name: "status", type: "S" },
        { name: "leaseExpiresAt", type: "N" },
      ],
      global_secondary_index: [
        { name: "pending-alerts", hash_key: "status", range_key: "leaseExpiresAt", projection_type: "INCLUDE", non_key_attributes: ["queryExecutionId"] },
      ],
      ttl: { attribute_name: "expiresAt", enabled: true },
      server_side_encryption: { enabled: true, kms_key_arn: PLATFORM_KEY },
      point_in_time_recovery: { enabled: false },
      deletion_protection_enabled: false,
    });
  });
});

describe("AthenaCostMonitor dead-letter queue", () => {
  it("encrypts the queue with the platform key and lets in EventBridge deliveries from the rule only, over TLS", () => {
    expect(resource("aws_sqs_queue", "cost_monitor_dead_letters")).toEqual({
      name: "acme-athena-cost-dead-letters",
      kms_master_key_id: PLATFORM_KEY,
      message_retention_seconds: 1209600,
    });
    expect(resource("aws_sqs_queue_policy", "cost_monitor_dead_letters_policy")).toEqual({
      queue_url: ref("aws_sqs_queue.cost_monitor_dead_letters.url"),
      policy: ref("data.aws_iam_policy_document.cost_monitor_dead_letters_access.json"),
    });
    expect(statements("cost_monitor_dead_letters_access")).toEqual([
      {
        sid: "DenyInsecureTransport",
        effect: "Deny",
        principals: [{ type: "*", identifiers: ["*"] }],
        actions: ["sqs:*"],
        resources: [QUEUE_ARN],
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      },
      {
        sid: "EventBridgeRuleSendsUndeliveredEvents",
        principals: [{ type: "Service", identifiers: ["events.amazonaws.com"] }],
        actions: ["sqs:SendMessage"],
        resources: [QUEUE_ARN],
        condition: [{ test: "ArnEquals", variable: "aws:SourceArn", values: [ref("aws_cloudwatch_event_rule.cost_monitor_rule.arn")] }],
      },
    ]);
  });

  it("alarms the platform-alerts topic as soon as one message is visible", () => {
    const topic = ref("aws_sns_topic.platform_alerts.arn");
    expect(resource("aws_cloudwatch_metric_alarm", "cost_monitor_dead_letters_alarm")).toMatchObject({
      namespace: "AWS/SQS",
      metric_name: "ApproximateNumberOfMessagesVisible",
      dimensions: { QueueName: ref("aws_sqs_queue.cost_monitor_dead_letters.name") },
      comparison_operator: "GreaterThanThreshold",
      threshold: 0,
      evaluation_periods: 1,
      treat_missing_data: "notBreaching",
      alarm_actions: [topic],
      ok_actions: [topic],
    });
  });

  it("encrypts the alerts topic with a key CloudWatch alarms may publish with", () => {
    expect(resource("aws_sns_topic", "platform_alerts")).toEqual({
      name: "acme-platform-alerts",
      kms_master_key_id: ref("aws_kms_key.platform_alerts_key.arn"),
    });
    expect(resource("aws_kms_key", "platform_alerts_key")).toMatchObject({ enable_key_rotation: true });
    expect(statements("platform_alerts_key_policy")).toContainEqual({
      sid: "CloudWatchAlarmsPublishToTheTopic",
      principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com"] }],
      actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
      resources: ["*"],
    });
  });
});

describe("AthenaCostMonitor sweep schedule", () => {
  it("runs the sweep every 15 minutes through a role that may invoke the sweep and nothing else", () => {
    expect(resource("aws_scheduler_schedule", "cost_monitor_schedule")).toMatchObject({
      name: "acme-athena-cost-sweep",
      schedule_expression: DEFAULTS.costMonitorSweepSchedule,
      flexible_time_window: { mode: "OFF" },
      target: {
        arn: ref("aws_lambda_function.cost_monitor_sweep.arn"),
        role_arn: ref("aws_iam_role.cost_monitor_schedule_role.arn"),
        retry_policy: { maximum_event_age_in_seconds: 600, maximum_retry_attempts: 2 },
        dead_letter_config: { arn: QUEUE_ARN },
      },
    });
    expect(DEFAULTS.costMonitorSweepSchedule).toBe("rate(15 minutes)");
    expect(statements("cost_monitor_schedule_trust")).toEqual([
      {
        actions: ["sts:AssumeRole"],
        principals: [{ type: "Service", identifiers: ["scheduler.amazonaws.com"] }],
        condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: ["111111111111"] }],
      },
    ]);
    expect(statements("cost_monitor_schedule_access")).toEqual([
      { sid: "InvokeTheSweep", actions: ["lambda:InvokeFunction"], resources: [ref("aws_lambda_function.cost_monitor_sweep.arn")] },
      { sid: "SendUndeliveredRunsToDeadLetterQueue", actions: ["sqs:SendMessage"], resources: [QUEUE_ARN] },
      {
        sid: "EncryptUndeliveredRunsThroughSqs",
        actions: ["kms:Decrypt", "kms:GenerateDataKey"],
        resources: [PLATFORM_KEY],
        condition: [{ test: "StringEquals", variable: "kms:ViaService", values: ["sqs.eu-west-1.amazonaws.com"] }],
      },
    ]);
  });
});

describe("AthenaCostMonitor query log", () => {
  const table = resource("aws_glue_catalog_table", "cost_monitor_query_log");
  const descriptor = table.storage_descriptor as Record<string, unknown>;

  it("declares the query log in the platform database, under the platform's prefix of the curated bucket", () => {
    expect(table).toMatchObject({ name: "athena_query_log", database_name: ref("aws_glue_catalog_database.database.name"), table_type: "EXTERNAL_TABLE" });
    expect(descriptor.location).toBe("s3://acme-staging-curated-111111111111/platform/athena_query_log/");
    expect(resource("aws_glue_catalog_database", "database")).toMatchObject({
      name: "platform",
      catalog_id: "111111111111",
      lifecycle: { prevent_destroy: true },
      depends_on: ["aws_lakeformation_data_lake_settings.lake_formation"],
    });
  });

  it("has a described column per record field and a day partition Athena projects", () => {
    const columns = descriptor.columns as { name: string; type: string; comment: string }[];
    expect(columns.slice(0, 3)).toEqual([
      { name: "schema_version", type: "int", comment: "Version of the record layout; bumped when a field changes meaning." },
      { name: "query_execution_id", type: "string", comment: "Athena's id of the query." },
      { name: "workgroup", type: "string", comment: "Workgroup the query ran in." },
    ]);
    expect(columns.find((c) => c.name === "cost_usd")).toMatchObject({ type: "double" });
    expect(columns.every((c) => c.comment.length > 0)).toBe(true);
    expect(table.partition_keys).toEqual([{ name: "dt", type: "string", comment: "Day the query was submitted (UTC), yyyy-MM-dd." }]);
    expect(table.parameters).toMatchObject({
      "projection.enabled": "true",
      "projection.dt.type": "date",
      "projection.dt.format": "yyyy-MM-dd",
      "projection.dt.range": "2026-01-01,NOW",
      "storage.location.template": "s3://acme-staging-curated-111111111111/platform/athena_query_log/dt=$${dt}/",
    });
  });

  it("reads the records with the JSON SerDe, mapping snake_case columns to the records' camelCase keys", () => {
    expect(descriptor.ser_de_info).toMatchObject({
      serialization_library: "org.openx.data.jsonserde.JsonSerDe",
      parameters: expect.objectContaining({
        "ignore.malformed.json": "true",
        "mapping.query_execution_id": "queryExecutionId",
        "mapping.database_name": "database",
      }),
    });
  });
});

describe("PlatformStack and the cost monitor", () => {
  it("creates no cost-monitor resources when costMonitor is not configured, but still the platform database", () => {
    const plain = synthPlatform();
    for (const type of ["aws_lambda_function", "aws_cloudwatch_event_rule", "aws_sqs_queue", "aws_sns_topic", "aws_secretsmanager_secret"]) {
      expect(resources(plain, type)).toEqual({});
    }
    expect(Object.keys(resources(plain, "aws_glue_catalog_database"))).toEqual(["database"]);
  });

  it("fails when costMonitor is configured but no bundle was prepared", () => {
    expect(() => synthPlatform(projectOf(undefined, MONITORED))).toThrow(
      "platform-staging: costMonitor is configured but no cost-notifier bundle was given; await prepareCostMonitorAssets(outdir)",
    );
    expect(() => synthPlatform(projectOf(undefined, MONITORED), "staging", "offline", { codeDirectory: tmpdir() })).toThrow(
      `cost monitor: no index.mjs in ${tmpdir()}; await prepareCostMonitorAssets(outdir) and pass its result before building the stack`,
    );
  });

  it("fails when the secret name or a workgroup name is invalid, naming both", () => {
    const bad = { ...MONITORED, costMonitor: { slackWebhookSecretName: "slack webhook", workgroupThresholdsUsd: { "data science": 5 } } };
    expect(() => synthPlatform(projectOf(undefined, bad), "staging", "offline", assets)).toThrow(
      'cost monitor: slackWebhookSecretName "slack webhook" is not a Secrets Manager name; use letters, digits and /_+=.@-, e.g. ' +
        '"baikal/athena-cost-monitor/slack-webhook"; workgroupThresholdsUsd: "data science" is not an Athena workgroup name',
    );
  });
});

describe("buildApp and the cost-notifier bundle", () => {
  it("bundles the Lambda under the output folder only when a platform stack is built", async () => {
    const project = projectOf(undefined, MONITORED);
    const domainOnly = mkdtempSync(join(tmpdir(), "baikal-build-"));
    await buildApp(project, { target: "offline", outdir: domainOnly, stacks: ["domain-web-staging"] });
    expect(existsSync(join(domainOnly, "assets-src"))).toBe(false);

    const withPlatform = mkdtempSync(join(tmpdir(), "baikal-build-"));
    const { stacks } = await buildApp(project, { target: "offline", outdir: withPlatform, stacks: ["platform-staging"] });
    expect(existsSync(join(withPlatform, "assets-src", "cost-notifier", "index.mjs"))).toBe(true);
    expect(stacks.map((s) => s.node.id)).toEqual(["platform-staging"]);
  });
});
