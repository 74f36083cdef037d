import { customerKey, everyResource } from "./rule-helpers.ts";
import type { Rule } from "./rule.ts";

export const topicsEncrypted: Rule = {
  id: "sns-topic-customer-key",
  summary: "Every SNS topic is encrypted with a customer-managed key",
  explanation: "Failure messages name tables, run dates and causes. The AWS-managed aws/sns key cannot admit CloudWatch alarms or be narrowed to the account's publishers.",
  documentation: "https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html",
  equivalents: ["checkov CKV_AWS_26 (encryption only)", "cdk-nag NIST.800.53.R5-SNSEncryptedKMS"],
  severity: "error",
  check: (stack) => everyResource(stack, "aws_sns_topic", (b) => customerKey(b.kms_master_key_id, `topic ${String(b.name)}`)),
};
