import { describe, expect, it } from "vitest";
import { LAMBDA_HANDLERS, TRANSFORM_FAILURE_KIND } from "../src/cost-monitor/notifier-package.ts";
import { DEFAULTS } from "../src/declarations/defaults.ts";
import type { OrganisationInput } from "../src/declarations/organisation.ts";
import { loadProject } from "../src/loading/load-project.ts";
import { configSource, domainSource, EVENTS_DOMAIN, ORGANISATION, projectOf, resources, synthPlatform, type TerraformJson, testCostMonitorAssets, writeProject, synthDomain } from "./support.ts";

const MONITORED: OrganisationInput = { ...ORGANISATION, costMonitor: { slackWebhookSecretName: "acme/athena-cost-monitor/slack-webhook" } };
const WEB = {
  ...EVENTS_DOMAIN,
  tables: [
    ...EVENTS_DOMAIN.tables!,
    {
      name: "daily_users",
      description: "Users per day.",
      zone: "curated",
      format: "parquet",
      columns: [{ name: "user_count", type: "bigint", description: "Users." }],
      partitionKeys: [{ name: "dt", description: "Day.", projection: { type: "date", format: "yyyy-MM-dd", range: ["2024-01-01", "NOW"] } }],
    },
  ],
  transforms: [{ name: "daily_users", description: "Users per day.", target: "daily_users", mode: "incremental", schedule: { expression: "cron(0 4 * * ? *)", timezone: "UTC" } }],
};
const SQL = "SELECT count(DISTINCT user_id) AS user_count, dt\nFROM page_views\nWHERE dt = {{ run_date }}\nGROUP BY dt\n";

async function synthDomainOf(organisation: OrganisationInput): Promise<TerraformJson> {
  const root = writeProject({ "baikal.config.ts": configSource(organisation), "domains/web/domain.ts": domainSource(WEB), "domains/web/transforms/daily_users.sql": SQL });
  return synthDomain(await loadProject(root));
}

const ref = (address: string) => `\${${address}}`;

/**
 * IAM's ArnLike: the six colon-separated fields are compared one by one, each a case-sensitive glob where `*`
 * matches any run of characters and `?` one character.
 */
function arnLike(pattern: string, arn: string): boolean {
  const fields = (value: string) => {
    const parts = value.split(":");
    return [...parts.slice(0, 5), parts.slice(5).join(":")];
  };
  const glob = (p: string) => {
    const escaped = p.replace(/[.+^$(){}|[\]\\]/g, "\\$&");
    return new RegExp(`^${escaped.replaceAll("*", ".*").replaceAll("?", ".")}$`);
  };
  const [want, got] = [fields(pattern), fields(arn)];
  return want.every((field, i) => glob(field).test(got[i]!));
}

const FUNCTION_ARN = "arn:aws:lambda:eu-west-1:111111111111:function:acme-transform-alerts";

describe("transform failures in the cost monitor's Slack channel", async () => {
  const platform = synthPlatform(projectOf(undefined, MONITORED), "staging", "offline", await testCostMonitorAssets());
  const domain = await synthDomainOf(MONITORED);

  it("runs the bundle's transform-failure handler as a function of its own in the platform stack, with the documented defaults", () => {
    const fn = resources(platform, "aws_lambda_function").cost_monitor_transform_alerts!;
    const event = resources(platform, "aws_lambda_function").cost_monitor_event!;
    expect(fn).toMatchObject({
      function_name: "acme-transform-alerts",
      handler: LAMBDA_HANDLERS.transformFailure,
      timeout: DEFAULTS.costMonitorTransformAlertTimeoutSeconds,
      filename: event.filename,
      source_code_hash: event.source_code_hash,
      environment: event.environment,
    });
    expect(LAMBDA_HANDLERS.transformFailure).toBe("index.transformFailureHandler");
    expect(resources(platform, "aws_cloudwatch_log_group").cost_monitor_transform_alerts_logs).toEqual({
      name: "/aws/lambda/acme-transform-alerts",
      retention_in_days: DEFAULTS.costMonitorLogRetentionDays,
      kms_key_id: ref("aws_kms_key.platform_key.arn"),
    });
    // Slack refusals are retried by Lambda, then kept in the cost monitor's alarmed dead-letter queue.
    expect(resources(platform, "aws_lambda_function_event_invoke_config").cost_monitor_transform_alerts_async_invoke).toMatchObject({
      maximum_retry_attempts: 2,
      destination_config: { on_failure: { destination: ref("aws_sqs_queue.cost_monitor_dead_letters.arn") } },
    });
  });

  it("lets that function read the webhook secret and nothing else of the cost monitor's", () => {
    expect(platform.data!.aws_iam_policy_document!.cost_monitor_transform_alerts_access!.statement).toEqual([
      {
        sid: "WriteOwnLogs",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [`${ref("aws_cloudwatch_log_group.cost_monitor_transform_alerts_logs.arn")}:*`],
      },
      { sid: "SendFailedInvocationsToDeadLetterQueue", actions: ["sqs:SendMessage"], resources: [ref("aws_sqs_queue.cost_monitor_dead_letters.arn")] },
      {
        sid: "UseThePlatformKeyThroughSqsAndSecretsManager",
        actions: ["kms:Decrypt", "kms:GenerateDataKey"],
        resources: [ref("aws_kms_key.platform_key.arn")],
        condition: [{ test: "StringEquals", variable: "kms:ViaService", values: ["sqs.eu-west-1.amazonaws.com", "secretsmanager.eu-west-1.amazonaws.com"] }],
      },
      { sid: "ReadSlackWebhook", actions: ["secretsmanager:GetSecretValue"], resources: [ref("aws_secretsmanager_secret.cost_monitor_webhook_secret.arn")] },
    ]);
  });

  it("subscribes the function, named from config, to the domain's transform-failures topic", () => {
    expect(FUNCTION_ARN.endsWith(`:${resources(platform, "aws_lambda_function").cost_monitor_transform_alerts!.function_name}`)).toBe(true);
    expect(resources(domain, "aws_sns_topic_subscription").transform_alerts_slack_notifier).toEqual({
      topic_arn: ref("aws_sns_topic.transform_alerts.arn"),
      protocol: "lambda",
      endpoint: FUNCTION_ARN,
    });
    expect(JSON.stringify(domain)).not.toContain("terraform_remote_state");
  });

  it("lets SNS invoke the function through one platform statement for every domain's topic, none in the domain stacks", () => {
    expect(resources(platform, "aws_lambda_permission").cost_monitor_transform_alerts_permission).toEqual({
      statement_id: "TransformFailureTopics",
      action: "lambda:InvokeFunction",
      function_name: ref("aws_lambda_function.cost_monitor_transform_alerts.function_name"),
      principal: "sns.amazonaws.com",
      source_account: "111111111111",
      source_arn: "arn:aws:sns:eu-west-1:111111111111:acme-*-transform-failures",
    });
    // A per-domain statement would grow the function's 20 KB policy with every domain.
    expect(resources(domain, "aws_lambda_permission")).toEqual({});
  });

  it("matches the domain's topic with the permission's source ARN as Lambda's ArnLike does, and no topic of another org, account or name", () => {
    const pattern = resources(platform, "aws_lambda_permission").cost_monitor_transform_alerts_permission!.source_arn as string;
    const topic = `arn:aws:sns:eu-west-1:111111111111:${resources(domain, "aws_sns_topic").transform_alerts!.name as string}`;
    expect(topic).toBe("arn:aws:sns:eu-west-1:111111111111:acme-web-transform-failures");
    expect(arnLike(pattern, topic)).toBe(true);
    expect(arnLike(pattern, "arn:aws:sns:eu-west-1:111111111111:acme-sales_eu-transform-failures")).toBe(true);
    for (const other of [
      "arn:aws:sns:eu-west-1:111111111111:globex-web-transform-failures",
      "arn:aws:sns:eu-west-1:222222222222:acme-web-transform-failures",
      "arn:aws:sns:us-east-1:111111111111:acme-web-transform-failures",
      "arn:aws:sns:eu-west-1:111111111111:acme-platform-alerts",
      "arn:aws:sns:eu-west-1:111111111111:acme-web-transform-failures-copy",
      "arn:aws:sqs:eu-west-1:111111111111:acme-web-transform-failures",
    ]) {
      expect([other, arnLike(pattern, other)]).toEqual([other, false]);
    }
  });

  it("publishes the failure as text for email and as the notifier's JSON for Lambda", () => {
    const text = resources(domain, "aws_sfn_state_machine").transform_daily_users!.definition as string;
    const notify = (JSON.parse(text.replace(ref("aws_sns_topic.transform_alerts.arn"), "TOPIC")) as { States: Record<string, any> }).States.NotifyFailure;
    const lambda =
      `{"kind": "${TRANSFORM_FAILURE_KIND}", "domain": "web", "transform": "web.daily_users", "target": "web.daily_users", ` +
      `"runDate": $run_date, "error": $failure.Error, "cause": $failure.Cause, "execution": $states.context.Execution.Id}`;
    const email =
      '"Transform web.daily_users (writes web.daily_users) failed for run date " & $run_date & ": " & $failure.Error & ": " & $failure.Cause & ' +
      // JSONata's own escape: the text gets its line break from JSONata, the definition holds no raw one.
      '"\\nExecution: " & $states.context.Execution.Id';
    expect(notify.Arguments).toEqual({
      TopicArn: "TOPIC",
      Subject: "Transform web.daily_users failed",
      MessageStructure: "json",
      Message: `{% $string({"default": ${email}, "lambda": $string(${lambda})}) %}`,
    });
  });

  it("subscribes nothing when the organisation has no cost monitor", async () => {
    const plain = await synthDomainOf(ORGANISATION);
    expect(resources(plain, "aws_sns_topic").transform_alerts).toMatchObject({ name: "acme-web-transform-failures" });
    expect([resources(plain, "aws_sns_topic_subscription"), resources(plain, "aws_lambda_permission")]).toEqual([{}, {}]);
  });
});
