import type { RdsSnapshotExportDeclaration } from "../declarations/ingestion.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import type { DataAwsIamPolicyDocumentStatement } from "../iac/aws.ts";
import { bucketArn, environment, lakeKeyAlias } from "../naming/names.ts";

export interface SnapshotExportPermissionsProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  readonly ingestion: RdsSnapshotExportDeclaration;
  /** Key prefix RDS writes under, without the trailing "/" (`sales/orders_db`). */
  readonly s3Prefix: string;
  readonly exportRoleArn: string;
  readonly topicArn: string;
}

/** The lake key lives in the platform stack; its alias, a name from config, picks it out without remote state. */
function lakeKey(org: OrganisationDeclaration, env: string, sid: string, actions: string[]): DataAwsIamPolicyDocumentStatement {
  const { region, accountId } = environment(org, env);
  return {
    sid,
    actions,
    resources: [`arn:aws:kms:${region}:${accountId}:key/*`],
    condition: [{ test: "ForAnyValue:StringEquals", variable: "kms:ResourceAliases", values: [lakeKeyAlias(org)] }],
  };
}

/**
 * What the state machine may do: read the source's snapshots (automated ones are named `rds:<source>-<time>`),
 * start and follow exports, hand RDS the export role and nothing else, let the export use the lake key (RDS needs
 * the caller to create a grant on it), and announce failures.
 */
export function snapshotExportRunPermissions(props: SnapshotExportPermissionsProps): DataAwsIamPolicyDocumentStatement[] {
  const { organisation: org, environment: env, ingestion: i } = props;
  const { region, accountId } = environment(org, env);
  const rds = (resource: string) => `arn:aws:rds:${region}:${accountId}:${resource}`;
  const source = i.source.cluster
    ? { action: "rds:DescribeDBClusterSnapshots", resources: [rds(`cluster:${i.source.cluster}`), rds(`cluster-snapshot:rds:${i.source.cluster}-*`)] }
    : { action: "rds:DescribeDBSnapshots", resources: [rds(`db:${i.source.instance}`), rds(`snapshot:rds:${i.source.instance}-*`)] };
  return [
    { sid: "FindTheSourceSnapshots", actions: [source.action], resources: source.resources },
    {
      sid: "StartAndFollowExports",
      actions: ["rds:StartExportTask", "rds:DescribeExportTasks"],
      // Neither action takes a resource type (Service Authorization Reference); the snapshots it can find and the
      // one role it can pass are what confine it.
      resources: ["*"],
    },
    {
      sid: "PassTheExportRoleToRdsOnly",
      actions: ["iam:PassRole"],
      resources: [props.exportRoleArn],
      condition: [{ test: "StringEquals", variable: "iam:PassedToService", values: ["export.rds.amazonaws.com"] }],
    },
    lakeKey(org, env, "LetTheExportUseTheLakeKey", ["kms:CreateGrant", "kms:DescribeKey"]),
    { sid: "AnnounceFailures", actions: ["sns:Publish"], resources: [props.topicArn] },
  ];
}

/**
 * What RDS may do with the export role: write, read back and replace files under the ingestion's prefix of the raw
 * bucket only (the actions the RDS User Guide lists), and encrypt them with the lake key.
 */
export function snapshotExportWritePermissions(props: SnapshotExportPermissionsProps): DataAwsIamPolicyDocumentStatement[] {
  const { organisation: org, environment: env } = props;
  const bucket = bucketArn(org, env, "raw");
  return [
    {
      sid: "WriteTheIngestionPrefixOnly",
      actions: ["s3:PutObject*", "s3:GetObject*", "s3:DeleteObject*"],
      resources: [`${bucket}/${props.s3Prefix}/*`],
    },
    {
      sid: "ListTheIngestionPrefixOnly",
      actions: ["s3:ListBucket"],
      resources: [bucket],
      condition: [{ test: "StringLike", variable: "s3:prefix", values: [props.s3Prefix, `${props.s3Prefix}/*`] }],
    },
    { sid: "FindTheBucket", actions: ["s3:GetBucketLocation"], resources: [bucket] },
    lakeKey(org, env, "EncryptWithTheLakeKey", ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:DescribeKey"]),
  ];
}
