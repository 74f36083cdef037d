import { type Block, resourcesOf } from "../stack/synthesized-stack.ts";
import { customerKey, everyResource, valueAt } from "./rule-helpers.ts";
import type { Rule } from "./rule.ts";

export const bucketsEncrypted: Rule = {
  id: "s3-bucket-customer-key",
  summary: "Every bucket encrypts with SSE-KMS and a customer-managed key, except the one that receives server access logs",
  explanation: "Lake data is encrypted with the lake key. S3 delivers server access logs only to a bucket whose default encryption is SSE-S3, so the access-log bucket (whose policy admits logging.s3.amazonaws.com) is the one exception.",
  documentation: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html",
  equivalents: ["checkov CKV_AWS_145"],
  severity: "error",
  check(stack) {
    const logTargets = new Set(
      resourcesOf(stack, "aws_s3_bucket_policy")
        .filter(([, p]) => JSON.stringify(stack.json.data?.aws_iam_policy_document?.[String(p.policy).replace(/^\$\{data\.aws_iam_policy_document\.|\.json\}$/g, "")] ?? {}).includes("logging.s3.amazonaws.com"))
        .map(([, p]) => String(p.bucket)),
    );
    return everyResource(stack, "aws_s3_bucket_server_side_encryption_configuration", (b) => {
      if (logTargets.has(String(b.bucket))) return undefined;
      const rule = valueAt(b, ["rule", "apply_server_side_encryption_by_default"]) as Block | undefined;
      if (rule?.sse_algorithm !== "aws:kms") return `bucket ${String(b.bucket)} is encrypted with ${String(rule?.sse_algorithm ?? "nothing")}, not SSE-KMS`;
      return customerKey(rule.kms_master_key_id, `bucket ${String(b.bucket)}`);
    });
  },
};
