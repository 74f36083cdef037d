import { customerKey, everyResource, valueAt } from "./rule-helpers.ts";
import type { Rule } from "./rule.ts";

export const tablesEncrypted: Rule = {
  id: "dynamodb-table-customer-key",
  summary: "Every DynamoDB table is encrypted with a customer-managed key",
  explanation: "Without server_side_encryption's kms_key_arn, DynamoDB uses a key owned by AWS, which the account cannot audit or withhold.",
  documentation: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html",
  equivalents: ["checkov CKV_AWS_119"],
  severity: "error",
  check: (stack) =>
    everyResource(stack, "aws_dynamodb_table", (b) =>
      valueAt(b, ["server_side_encryption", "enabled"]) !== true ? `table ${String(b.name)} is not encrypted with a KMS key` : customerKey(valueAt(b, ["server_side_encryption", "kms_key_arn"]), `table ${String(b.name)}`),
    ),
};
