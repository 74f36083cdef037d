import { describe, expect, it } from "vitest";
import { IDEMPOTENCY_TABLE_SCHEMA, LAMBDA_HANDLERS } from "../src/cost-monitor/notifier-package.ts";
import type { OrganisationInput } from "../src/declarations/organisation.ts";
import { ORGANISATION, projectOf, resources, synthPlatform, type TerraformJson, testCostMonitorAssets } from "./support.ts";

const MONITORED: OrganisationInput = { ...ORGANISATION, costMonitor: { slackWebhookSecretName: "acme/athena-cost-monitor/slack-webhook" } };
const json = synthPlatform(projectOf(undefined, MONITORED), "staging", "offline", await testCostMonitorAssets());

const ref = (address: string) => `\${${address}}`;
const TOPIC_ARN = ref("aws_sns_topic.platform_alerts.arn");
const FUNCTION = "aws_lambda_function.cost_monitor_transform_alerts";

function one(type: string, name: string, from: TerraformJson = json): Record<string, unknown> {
  const found = resources(from, type)[name];
  if (!found) throw new Error(`no ${type}.${name}; have ${Object.keys(resources(from, type)).join(", ")}`);
  return found;
}

/** Topic addresses (`${aws_sns_topic.x.arn}`) that a Lambda function is subscribed to. */
function topicsWithALambdaSubscriber(from: TerraformJson): string[] {
  return Object.values(resources(from, "aws_sns_topic_subscription"))
    .filter((subscription) => subscription.protocol === "lambda")
    .map((subscription) => subscription.topic_arn as string);
}

describe("platform alerts reach the cost monitor's Slack channel", () => {
  it("subscribes the function that posts to Slack to the platform-alerts topic, once its permission exists", () => {
    expect(one("aws_sns_topic_subscription", "platform_alerts_delivery")).toEqual({
      topic_arn: TOPIC_ARN,
      protocol: "lambda",
      endpoint: ref(`${FUNCTION}.arn`),
      depends_on: ["aws_lambda_permission.platform_alerts_delivery_permission"],
    });
    expect(one("aws_lambda_function", "cost_monitor_transform_alerts")).toMatchObject({
      handler: LAMBDA_HANDLERS.transformFailure,
      description: "Posts failed transforms (each domain's transform-failures topic) and platform alarms (platform-alerts) to Slack",
    });
  });

  it("lets exactly the platform-alerts topic invoke the function through this statement", () => {
    expect(one("aws_lambda_permission", "platform_alerts_delivery_permission")).toEqual({
      statement_id: "PlatformAlertsTopic",
      action: "lambda:InvokeFunction",
      function_name: ref(`${FUNCTION}.function_name`),
      principal: "sns.amazonaws.com",
      source_arn: TOPIC_ARN,
    });
  });

  it("sends every alarm of the platform stack, on alarm and on recovery, to a topic a Lambda function posts from", () => {
    const alarms = Object.entries(resources(json, "aws_cloudwatch_metric_alarm"));
    expect(alarms.map(([name]) => name)).toContain("cost_monitor_dead_letters_alarm");
    const delivered = topicsWithALambdaSubscriber(json);
    for (const [name, alarm] of alarms) {
      const actions = [...((alarm.alarm_actions as string[] | undefined) ?? []), ...((alarm.ok_actions as string[] | undefined) ?? [])];
      expect(actions.length, `${name} notifies nobody`).toBeGreaterThan(0);
      for (const action of actions) expect(delivered, `${name} notifies ${action}, which no function posts from`).toContain(action);
    }
  });

  it("creates neither the topic nor its subscription without a cost monitor", () => {
    const plain = synthPlatform();
    expect(resources(plain, "aws_sns_topic_subscription")).toEqual({});
    expect(resources(plain, "aws_cloudwatch_metric_alarm")).toEqual({});
  });
});

describe("the alert claims table", () => {
  it("has the sparse index of pending claims the sweep queries, keyed as the notifier's contract says", () => {
    const table = one("aws_dynamodb_table", "cost_monitor_alert_markers");
    const schema = IDEMPOTENCY_TABLE_SCHEMA;
    expect(table.global_secondary_index).toEqual([
      {
        name: schema.pendingIndex,
        hash_key: schema.statusAttribute,
        range_key: schema.leaseAttribute,
        projection_type: "INCLUDE",
        non_key_attributes: [...schema.pendingIndexAttributes],
      },
    ]);
    // DynamoDB needs a definition for every key attribute of the table and its indexes, and for nothing else.
    const keys = [schema.partitionKey, schema.statusAttribute, schema.leaseAttribute];
    expect((table.attribute as { name: string }[]).map((a) => a.name).sort()).toEqual([...keys].sort());
  });

  it("lets the sweep query that index and nothing else of the table but the claim writes", () => {
    const statements = json.data!.aws_iam_policy_document!.cost_monitor_sweep_access!.statement as { sid: string; actions: string[]; resources: string[] }[];
    const table = ref("aws_dynamodb_table.cost_monitor_alert_markers.arn");
    const onTable = statements.filter((s) => s.resources.some((r) => r.startsWith(table)));
    expect(onTable).toEqual([
      { sid: "ClaimAlerts", actions: ["dynamodb:UpdateItem", "dynamodb:DeleteItem"], resources: [table] },
      { sid: "FindPendingAlerts", actions: ["dynamodb:Query"], resources: [`${table}/index/${IDEMPOTENCY_TABLE_SCHEMA.pendingIndex}`] },
    ]);
  });
});
