import type { DataAwsIamPolicyDocumentStatement } from "../iac/aws.ts";

/** AppFlow writes to S3 as this service principal, not with a role of the account (AppFlow User Guide, "Amazon S3"). */
export const APPFLOW_PRINCIPAL = "appflow.amazonaws.com";

const fromThisAccount = (accountId: string) => [{ test: "StringEquals", variable: "aws:SourceAccount", values: [accountId] }];

/**
 * Raw bucket policy statements that let AppFlow, for flows of this account only, write under the prefixes of the
 * domains' AppFlow ingestions (`<domain>/<location>`) and nowhere else; the bucket-level reads are what AppFlow
 * checks before a run. Nothing when no domain declares a flow.
 */
export function appflowBucketStatements(bucketArn: string, prefixes: readonly string[], accountId: string): DataAwsIamPolicyDocumentStatement[] {
  if (prefixes.length === 0) return [];
  const principals = [{ type: "Service", identifiers: [APPFLOW_PRINCIPAL] }];
  return [
    {
      sid: "AllowAppFlowToWriteIngestionPrefixes",
      effect: "Allow",
      principals,
      actions: ["s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts", "s3:PutObjectAcl"],
      resources: [...new Set(prefixes)].sort().map((prefix) => `${bucketArn}/${prefix}*`),
      condition: fromThisAccount(accountId),
    },
    {
      sid: "AllowAppFlowToFindTheBucket",
      effect: "Allow",
      principals,
      actions: ["s3:GetBucketAcl", "s3:ListBucketMultipartUploads"],
      resources: [bucketArn],
      condition: fromThisAccount(accountId),
    },
  ];
}

/**
 * Key policy statement for the same writes: the raw bucket encrypts every object with the lake key (SSE-KMS), so
 * S3 asks KMS for a data key on AppFlow's behalf, and a service principal's use of a key must be in its policy.
 */
export function appflowKeyStatements(accountId: string, enabled: boolean): DataAwsIamPolicyDocumentStatement[] {
  if (!enabled) return [];
  return [
    {
      sid: "AllowAppFlowToEncryptIngestedFiles",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: [APPFLOW_PRINCIPAL] }],
      actions: ["kms:GenerateDataKey", "kms:Encrypt", "kms:Decrypt", "kms:DescribeKey"],
      resources: ["*"],
      condition: fromThisAccount(accountId),
    },
  ];
}

/**
 * Query-results bucket policy statements that let AppFlow, for flows of this account only, read the rows Salesforce
 * exports stage under `<workgroup>/exports/<name>/staging/` (Athena `UNLOAD` writes them). Listing is not narrowed to
 * the prefixes: AppFlow checks the bucket when a flow is created, and the listing shows only query ids.
 */
export function appflowStagingReadStatements(bucketArn: string, prefixes: readonly string[], accountId: string): DataAwsIamPolicyDocumentStatement[] {
  if (prefixes.length === 0) return [];
  const principals = [{ type: "Service", identifiers: [APPFLOW_PRINCIPAL] }];
  return [
    {
      sid: "AllowAppFlowToReadExportStaging",
      effect: "Allow",
      principals,
      actions: ["s3:GetObject"],
      resources: [...new Set(prefixes)].sort().map((prefix) => `${bucketArn}/${prefix}/*`),
      condition: fromThisAccount(accountId),
    },
    { sid: "AllowAppFlowToListExportStaging", effect: "Allow", principals, actions: ["s3:ListBucket"], resources: [bucketArn], condition: fromThisAccount(accountId) },
  ];
}
