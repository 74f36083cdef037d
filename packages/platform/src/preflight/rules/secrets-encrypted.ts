import { customerKey, everyResource } from "./rule-helpers.ts";
import type { Rule } from "./rule.ts";

export const secretsEncrypted: Rule = {
  id: "secret-customer-key",
  summary: "Every Secrets Manager secret is encrypted with a customer-managed key",
  explanation: "The Slack webhook URL lets anyone post to the channel. Under aws/secretsmanager, every principal of the account allowed GetSecretValue can read it; a customer key adds a second, auditable gate.",
  documentation: "https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html",
  equivalents: ["checkov CKV_AWS_149", "cdk-nag NIST.800.53.R5-SecretsManagerUsingKMSKey"],
  severity: "error",
  check: (stack) => everyResource(stack, "aws_secretsmanager_secret", (b) => customerKey(b.kms_key_id, `secret ${String(b.name)}`)),
};
