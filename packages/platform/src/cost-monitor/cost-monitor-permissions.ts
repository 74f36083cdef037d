import type { DataAwsIamPolicyDocumentStatement } from "../iac/aws.ts";

/** The resources the notifier touches, as ARNs (Terraform references where the resource is in this stack). */
export interface NotifierResources {
  readonly accountId: string;
  readonly region: string;
  readonly queryLogBucketArn: string;
  /** Key prefix of the query log, without slashes at either end. */
  readonly queryLogPrefix: string;
  readonly keyArn: string;
  readonly alertMarkersTableArn: string;
  /** Name of the claims table's index of pending alerts, which the sweep queries. */
  readonly pendingAlertsIndex: string;
  readonly webhookSecretArn: string;
}

/**
 * Exactly what the event handler calls: GetQueryExecution for the bill, CloudTrail LookupEvents for the
 * caller (it has no resource-level permissions), PutObject of the record (SSE-KMS with the lake key), the
 * conditional updates and delete of the alert claim, and the webhook secret.
 */
export function eventHandlerStatements(r: NotifierResources): DataAwsIamPolicyDocumentStatement[] {
  return [
    { sid: "ReadFinishedQueries", actions: ["athena:GetQueryExecution"], resources: [workgroups(r)] },
    ...sharedStatements(r),
    { sid: "WriteQueryLog", actions: ["s3:PutObject"], resources: [objects(r)] },
  ];
}

/**
 * Exactly what the sweep calls: it queries the claims' index for alerts still pending and describes their queries
 * (GetQueryExecution), lists every workgroup (ListWorkGroups has no resource-level permissions), lists and
 * batch-describes their queries, and checks for existing records with HeadObject. HeadObject needs
 * s3:GetObject, and s3:ListBucket so that a missing record reads as 404 instead of 403; S3 evaluates that
 * check with the object key as `s3:prefix`, so ListBucket is confined to the query log's prefix.
 */
export function sweepStatements(r: NotifierResources): DataAwsIamPolicyDocumentStatement[] {
  return [
    { sid: "ListWorkgroups", actions: ["athena:ListWorkGroups"], resources: ["*"] },
    {
      sid: "ListFinishedQueries",
      actions: ["athena:ListQueryExecutions", "athena:BatchGetQueryExecution", "athena:GetQueryExecution"],
      resources: [workgroups(r)],
    },
    ...sharedStatements(r),
    { sid: "FindPendingAlerts", actions: ["dynamodb:Query"], resources: [`${r.alertMarkersTableArn}/index/${r.pendingAlertsIndex}`] },
    { sid: "ReadAndWriteQueryLog", actions: ["s3:GetObject", "s3:PutObject"], resources: [objects(r)] },
    {
      sid: "ListQueryLogOnly",
      actions: ["s3:ListBucket"],
      resources: [r.queryLogBucketArn],
      condition: [{ test: "StringLike", variable: "s3:prefix", values: [`${r.queryLogPrefix}/*`] }],
    },
  ];
}

/** The transform-alerts function only reads the webhook; SNS invokes it through the function's own policy. */
export function transformAlertStatements(r: NotifierResources): DataAwsIamPolicyDocumentStatement[] {
  return [readSlackWebhook(r)];
}

function sharedStatements(r: NotifierResources): DataAwsIamPolicyDocumentStatement[] {
  return [
    { sid: "FindWhoRanTheQuery", actions: ["cloudtrail:LookupEvents"], resources: ["*"] },
    { sid: "EncryptQueryLog", actions: ["kms:GenerateDataKey", "kms:Encrypt", "kms:Decrypt"], resources: [r.keyArn] },
    { sid: "ClaimAlerts", actions: ["dynamodb:UpdateItem", "dynamodb:DeleteItem"], resources: [r.alertMarkersTableArn] },
    readSlackWebhook(r),
  ];
}

const readSlackWebhook = (r: NotifierResources): DataAwsIamPolicyDocumentStatement => ({
  sid: "ReadSlackWebhook",
  actions: ["secretsmanager:GetSecretValue"],
  resources: [r.webhookSecretArn],
});

const workgroups = (r: NotifierResources) => `arn:aws:athena:${r.region}:${r.accountId}:workgroup/*`;
const objects = (r: NotifierResources) => `${r.queryLogBucketArn}/${r.queryLogPrefix}/*`;
