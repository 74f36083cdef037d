import {
  type CloudwatchEventRule,
  CloudwatchMetricAlarm,
  DataAwsIamPolicyDocument,
  type KmsKey,
  type SnsTopic,
  SqsQueue,
  SqsQueuePolicy,
} from "../iac/aws.ts";
import { Construct } from "../iac/cdktf.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";

export interface DeadLetterQueueProps {
  readonly queueName: string;
  /** The only EventBridge rule allowed to send its undeliverable events here. */
  readonly eventRule: CloudwatchEventRule;
  /** Notified when a message arrives and again when the queue is empty. */
  readonly alarmTopic: SnsTopic;
  /** The platform key; its policy lets EventBridge encrypt what it sends here. */
  readonly key: KmsKey;
}

/** SQS keeps messages at most 14 days: the longest window to inspect and replay a failure. */
const RETENTION_SECONDS = 14 * 24 * 60 * 60;

/**
 * Where every failure of the cost monitor ends up: events EventBridge could not deliver, and invocations
 * Lambda gave up on. Any message is worth a look, so the alarm fires on the first one.
 */
export class DeadLetterQueue extends Construct {
  readonly queue: SqsQueue;
  readonly alarm: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id);
    // Failed events hold query ids, callers and SQL: encrypted with the platform key, whose policy admits EventBridge
    // (for this account's rules); Lambda and the scheduler send with roles that may use the key through SQS.
    this.queue = new SqsQueue(this, MAIN_RESOURCE_ID, {
      name: props.queueName,
      kmsMasterKeyId: props.key.arn,
      messageRetentionSeconds: RETENTION_SECONDS,
    });
    // Lambda and the scheduler send with their own roles (same account, so IAM suffices); only EventBridge
    // rules need the queue's permission, and only this rule gets it.
    const policy = new DataAwsIamPolicyDocument(this, "access", {
      statement: [
        {
          sid: "DenyInsecureTransport",
          effect: "Deny",
          principals: [{ type: "*", identifiers: ["*"] }],
          actions: ["sqs:*"],
          resources: [this.queue.arn],
          condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
        },
        {
          sid: "EventBridgeRuleSendsUndeliveredEvents",
          principals: [{ type: "Service", identifiers: ["events.amazonaws.com"] }],
          actions: ["sqs:SendMessage"],
          resources: [this.queue.arn],
          condition: [{ test: "ArnEquals", variable: "aws:SourceArn", values: [props.eventRule.arn] }],
        },
      ],
    });
    new SqsQueuePolicy(this, "policy", { queueUrl: this.queue.url, policy: policy.json });

    this.alarm = new CloudwatchMetricAlarm(this, "alarm", {
      alarmName: `${props.queueName}-not-empty`,
      alarmDescription: `Messages in ${props.queueName}: an Athena query event or cost-monitor invocation failed for good. Read them, fix the cause, then redrive or purge.`,
      namespace: "AWS/SQS",
      metricName: "ApproximateNumberOfMessagesVisible",
      dimensions: { QueueName: this.queue.name },
      statistic: "Maximum",
      period: 300,
      evaluationPeriods: 1,
      comparisonOperator: "GreaterThanThreshold",
      threshold: 0,
      // SQS stops sending metrics for an idle queue; silence means empty.
      treatMissingData: "notBreaching",
      alarmActions: [props.alarmTopic.arn],
      okActions: [props.alarmTopic.arn],
    });
  }
}
