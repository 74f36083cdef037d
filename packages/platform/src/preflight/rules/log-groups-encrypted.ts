import { customerKey, everyResource } from "./rule-helpers.ts";
import type { Rule } from "./rule.ts";

export const logGroupsEncrypted: Rule = {
  id: "log-group-customer-key",
  summary: "Every CloudWatch Logs group is encrypted with a customer-managed key",
  explanation: "Logs of transforms, exports and the cost monitor hold table names, errors and callers. CloudWatch Logs encrypts with a key whose policy admits logs.<region>.amazonaws.com for the account's log groups.",
  documentation: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html",
  equivalents: ["checkov CKV_AWS_158", "cdk-nag NIST.800.53.R5-CloudWatchLogGroupEncrypted"],
  severity: "error",
  check: (stack) => everyResource(stack, "aws_cloudwatch_log_group", (b) => customerKey(b.kms_key_id, `log group ${String(b.name)}`)),
};
