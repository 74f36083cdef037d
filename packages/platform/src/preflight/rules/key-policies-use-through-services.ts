import { policiesOf, statementPlace } from "../stack/policies.ts";
import type { Rule, RuleViolation } from "./rule.ts";

const covers = (pattern: string, name: string) => new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+^${}()|[\]\\?]/g, "\\$&")).join(".*")}$`, "i").test(name);
/** The operations that read or make data keys; describing or administering a key does not. */
const USE = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:ReEncryptFrom", "kms:ReEncryptTo"];

export const keyPoliciesUseThroughServices: Rule = {
  id: "kms-key-policy-scoped",
  summary: "No key policy allows kms:*; accounts and other AWS principals use a key only through the services it is for (kms:ViaService)",
  explanation:
    "The default key policy gives the account root kms:*, so any principal whose IAM policy allows it can decrypt directly, outside the services the key protects. Baikal's keys let the account administer them through IAM, and use them only through S3, RDS, Glue, SNS, SQS, DynamoDB or Secrets Manager; service principals get the operations their guides list.",
  documentation: "https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service",
  equivalents: ["checkov CKV_AWS_33 checks only for a wildcard principal; Baikal allows one with kms:CallerAccount and kms:ViaService, as AWS-managed keys do"],
  severity: "error",
  check(stack) {
    const violations: RuleViolation[] = [];
    for (const policy of policiesOf(stack).filter((p) => p.kind === "key")) {
      policy.statements.forEach((s, i) => {
        if (s.effect !== "Allow") return;
        const where = statementPlace(policy, i, s);
        if (s.actions.some((a) => a === "*" || a === "kms:*")) violations.push({ where, message: `allows ${s.actions.join(", ")}: every operation, use included` });
        const awsPrincipals = s.principals.filter((p) => p.type === "AWS").flatMap((p) => p.identifiers);
        const uses = s.actions.some((a) => USE.some((u) => covers(a, u)));
        if (awsPrincipals.length > 0 && uses && !s.conditions.some((c) => c.variable.toLowerCase() === "kms:viaservice")) {
          violations.push({ where, message: `lets ${awsPrincipals.join(", ")} use the key without kms:ViaService` });
        }
      });
    }
    return violations;
  },
};
