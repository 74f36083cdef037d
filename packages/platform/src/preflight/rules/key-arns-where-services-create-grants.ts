import { type Block, resourcesOf } from "../stack/synthesized-stack.ts";
import { isKeyArn, valueAt } from "./rule-helpers.ts";
import type { Rule, RuleViolation } from "./rule.ts";

/** Attributes whose service takes a key ARN (or id) only, each with the API member that says so. */
const KEY_ARN_ATTRIBUTES: readonly { type: string; path: readonly string[]; api: string }[] = [
  { type: "aws_appflow_flow", path: ["kms_arn"], api: "AppFlow CreateFlow.kmsArn (\"The ARN of the KMS key\")" },
  { type: "aws_athena_workgroup", path: ["configuration", "result_configuration", "encryption_configuration", "kms_key_arn"], api: "Athena EncryptionConfiguration.KmsKey (\"the KMS key ARN or ID\")" },
  { type: "aws_cloudwatch_log_group", path: ["kms_key_id"], api: "CloudWatch Logs CreateLogGroup.kmsKeyId (\"The Amazon Resource Name (ARN) of the KMS key\")" },
  { type: "aws_dynamodb_table", path: ["server_side_encryption", "kms_key_arn"], api: "DynamoDB SSESpecification.KMSMasterKeyId, which DynamoDB turns into a grant" },
  { type: "aws_glue_data_catalog_encryption_settings", path: ["data_catalog_encryption_settings", "encryption_at_rest", "sse_aws_kms_key_id"], api: "Glue EncryptionAtRest.SseAwsKmsKeyId" },
];

export const keyArnsWhereServicesCreateGrants: Rule = {
  id: "kms-key-arn-not-alias",
  summary: "Services that create grants on a key, or take only key ARNs, get the key's ARN, never an alias",
  explanation:
    "KMS accepts aliases for encryption calls, but not where a grant is created (CreateGrant takes a key id or ARN), and AppFlow, Athena's result encryption and CloudWatch Logs document a key ARN. An alias there fails at apply or at the first run. Domain stacks read the key ARN from the alias with a data source.",
  documentation: "https://docs.aws.amazon.com/kms/latest/developerguide/alias-about.html",
  equivalents: [],
  severity: "error",
  check(stack) {
    const violations: RuleViolation[] = [];
    for (const { type, path, api } of KEY_ARN_ATTRIBUTES) {
      for (const [name, block] of resourcesOf(stack, type)) {
        const value = valueAt(block as Block, path);
        if (value !== undefined && !isKeyArn(value)) {
          violations.push({ where: `${type}.${name} ${path.join(".")}`, message: `"${String(value)}" is not a key ARN; ${api}` });
        }
      }
    }
    return violations;
  },
};
