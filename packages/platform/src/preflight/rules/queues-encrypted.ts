import { customerKey, everyResource } from "./rule-helpers.ts";
import type { Rule } from "./rule.ts";

export const queuesEncrypted: Rule = {
  id: "sqs-queue-customer-key",
  summary: "Every SQS queue is encrypted with a customer-managed key",
  explanation: "The dead-letter queue keeps failed events, with query ids, callers and SQL, for 14 days. SQS-managed encryption is not a key the organisation controls.",
  documentation: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html",
  equivalents: ["checkov CKV_AWS_27 (accepts SQS-managed keys)", "cdk-nag AwsSolutions-SQS2 (accepts SQS-managed keys)"],
  severity: "error",
  check: (stack) => everyResource(stack, "aws_sqs_queue", (b) => customerKey(b.kms_master_key_id, `queue ${String(b.name)}`)),
};
