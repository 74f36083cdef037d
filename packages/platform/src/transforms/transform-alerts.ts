import { costMonitorNames } from "../cost-monitor/cost-monitor-names.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";
import { type DataAwsIamPolicyDocumentStatement, SnsTopic, SnsTopicSubscription } from "../iac/aws.ts";
import { Construct, TerraformStack } from "../iac/cdktf.ts";
import { environment, platformKeyAlias } from "../naming/names.ts";
import { transformAlertTopicArn, transformAlertTopicName } from "./transform-names.ts";

/** Construct id at stack level: `aws_sns_topic.transform_alerts`. */
const ID = "transform_alerts";

export interface TransformAlertsProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  /** The domain whose stack holds the topic (`<org>-<domain>-transform-failures`). */
  readonly domain: string;
}

/**
 * The topic every transform of a domain stack reports failures to. One per stack (`getOrCreate`). Encrypted with
 * the platform key, named by its alias (SNS takes an alias here and creates no grant): only the run roles of this
 * account publish to it, through SNS, which the key's policy admits.
 *
 * When the organisation configures `costMonitor`, the platform stack's transform-alerts function is subscribed,
 * so failures reach the cost monitor's Slack channel; teams may subscribe their own channels (email) as well.
 * The function is named by config, never read from the platform's state, so the platform stack must be applied
 * first. The permission for SNS to invoke it is one statement in the platform stack covering every domain's topic
 * (`AthenaCostMonitor`), not one per domain: the function's policy is limited to 20 KB.
 */
export class TransformAlerts extends Construct {
  readonly topic: SnsTopic;
  /** Known from config, so a state machine definition can name it as a plain literal. */
  readonly topicArn: string;
  readonly slackSubscription?: SnsTopicSubscription;

  static getOrCreate(scope: Construct, props: TransformAlertsProps): TransformAlerts {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(ID);
    return existing instanceof TransformAlerts ? existing : new TransformAlerts(stack, ID, props);
  }

  private constructor(scope: Construct, id: string, props: TransformAlertsProps) {
    super(scope, id);
    const { organisation: org } = props;
    const { region, accountId } = environment(org, props.environment);
    this.topic = new SnsTopic(this, MAIN_RESOURCE_ID, { name: transformAlertTopicName(org, props.domain), kmsMasterKeyId: platformKeyAlias(org) });
    this.topicArn = transformAlertTopicArn(org, props.environment, props.domain);
    if (!org.costMonitor) return;

    const functionArn = `arn:aws:lambda:${region}:${accountId}:function:${costMonitorNames(org).transformAlertsFunction}`;
    // No permission here: the platform stack's one statement lets every domain's topic invoke the function.
    this.slackSubscription = new SnsTopicSubscription(this, "slack_notifier", {
      topicArn: this.topic.arn,
      protocol: "lambda",
      endpoint: functionArn,
    });
  }
}

/**
 * What a publisher to the topic needs besides sns:Publish: the topic is encrypted with the platform key, which SNS
 * uses on the publisher's behalf, and only SNS may (the key lives in the platform stack: picked out by its alias).
 */
export function encryptAlertsThroughSns(org: OrganisationDeclaration, env: string): DataAwsIamPolicyDocumentStatement {
  const { region, accountId } = environment(org, env);
  return {
    sid: "EncryptFailureAlertsThroughSns",
    actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
    resources: [`arn:aws:kms:${region}:${accountId}:key/*`],
    condition: [
      { test: "ForAnyValue:StringEquals", variable: "kms:ResourceAliases", values: [platformKeyAlias(org)] },
      { test: "StringEquals", variable: "kms:ViaService", values: [`sns.${region}.amazonaws.com`] },
    ],
  };
}
