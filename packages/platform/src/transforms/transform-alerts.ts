import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";
import { SnsTopic } from "../iac/aws.ts";
import { Construct, TerraformStack } from "../iac/cdktf.ts";

/** Construct id at stack level: `aws_sns_topic.transform_alerts`. */
const ID = "transform_alerts";

/**
 * The topic every transform of a domain stack reports failures to; the team subscribes its channel (email,
 * Chatbot to Slack). One per stack (`getOrCreate`). Encrypted with the AWS-managed SNS key: only Step Functions,
 * through the run roles of this account, publishes to it, and that key's policy already allows them.
 */
export interface TransformAlertsProps {
  readonly topicName: string;
  readonly region: string;
  readonly accountId: string;
}

export class TransformAlerts extends Construct {
  readonly topic: SnsTopic;
  /** Known from config, so a state machine definition can name it as a plain literal. */
  readonly topicArn: string;

  static getOrCreate(scope: Construct, props: TransformAlertsProps): TransformAlerts {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(ID);
    return existing instanceof TransformAlerts ? existing : new TransformAlerts(stack, ID, props);
  }

  private constructor(scope: Construct, id: string, props: TransformAlertsProps) {
    super(scope, id);
    this.topic = new SnsTopic(this, MAIN_RESOURCE_ID, { name: props.topicName, kmsMasterKeyId: "alias/aws/sns" });
    this.topicArn = `arn:aws:sns:${props.region}:${props.accountId}:${props.topicName}`;
  }
}
