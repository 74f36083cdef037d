import { DEFAULTS } from "../declarations/defaults.ts";
import {
  DataAwsIamPolicyDocument,
  KmsAlias,
  KmsKey,
  type LambdaFunction,
  LambdaPermission,
  SnsTopic,
  SnsTopicSubscription,
} from "../iac/aws.ts";
import { Construct, TerraformStack } from "../iac/cdktf.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";
import { administeredByTheAccount } from "../encryption/key-policy.ts";

export interface PlatformAlertsProps {
  readonly topicName: string;
  readonly keyAlias: string;
  readonly accountId: string;
}

/** Construct id at stack level: `aws_sns_topic.platform_alerts`. */
const ID = "platform_alerts";

/** What `deliverTo` created: the subscription, and the permission for this topic only to invoke the function. */
export interface PlatformAlertsDelivery {
  readonly subscription: SnsTopicSubscription;
  readonly permission: LambdaPermission;
}

/**
 * The SNS topic CloudWatch alarms of the platform stack notify. One per stack (`getOrCreate`), so every monitor
 * reports to the same place; `deliverTo` sends it to the function that posts to Slack.
 *
 * Encrypted with a small key of its own rather than the AWS-managed `aws/sns` key, because CloudWatch alarms
 * cannot publish to a topic under `aws/sns` (its key policy cannot grant cloudwatch.amazonaws.com), and rather
 * than the lake key, whose policy the lake owns and which should encrypt lake data only.
 */
export class PlatformAlerts extends Construct {
  readonly topic: SnsTopic;
  readonly key: KmsKey;

  static getOrCreate(scope: Construct, props: PlatformAlertsProps): PlatformAlerts {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(ID);
    return existing instanceof PlatformAlerts ? existing : new PlatformAlerts(stack, ID, props);
  }

  private constructor(scope: Construct, id: string, props: PlatformAlertsProps) {
    super(scope, id);
    const keyPolicy = new DataAwsIamPolicyDocument(this, "key_policy", {
      statement: [
        administeredByTheAccount(props.accountId),
        {
          sid: "CloudWatchAlarmsPublishToTheTopic",
          principals: [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com"] }],
          actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
          resources: ["*"],
        },
      ],
    });
    this.key = new KmsKey(this, "key", {
      description: "Encrypts the platform-alerts SNS topic; CloudWatch alarms may use it to publish",
      enableKeyRotation: true,
      deletionWindowInDays: DEFAULTS.kmsDeletionWindowDays,
      policy: keyPolicy.json,
    });
    new KmsAlias(this, "key_alias", { name: props.keyAlias, targetKeyId: this.key.keyId });
    this.topic = new SnsTopic(this, MAIN_RESOURCE_ID, { name: props.topicName, kmsMasterKeyId: this.key.arn });
  }

  /**
   * Subscribes `fn` to the topic. SNS decrypts before it delivers, so the function needs no key permission; the
   * function's policy lets this one topic invoke it (source ARN equal to the topic's).
   */
  deliverTo(fn: LambdaFunction): PlatformAlertsDelivery {
    const permission = new LambdaPermission(this, "delivery_permission", {
      statementId: "PlatformAlertsTopic",
      action: "lambda:InvokeFunction",
      functionName: fn.functionName,
      principal: "sns.amazonaws.com",
      sourceArn: this.topic.arn,
    });
    const subscription = new SnsTopicSubscription(this, "delivery", {
      topicArn: this.topic.arn,
      protocol: "lambda",
      endpoint: fn.arn,
      // Deliveries before the permission exists would fail (and SNS gives Lambda endpoints up after its retries).
      dependsOn: [permission],
    });
    return { subscription, permission };
  }
}
