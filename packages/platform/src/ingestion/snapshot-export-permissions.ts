import type { RdsSnapshotExportDeclaration } from "../declarations/ingestion.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import type { DataAwsIamPolicyDocumentStatement } from "../iac/aws.ts";
import { bucketArn, environment, lakeKeyAlias } from "../naming/names.ts";
import { stateMachineLogDelivery } from "../transforms/state-machine-logging.ts";
import { encryptAlertsThroughSns } from "../transforms/transform-alerts.ts";

export interface SnapshotExportPermissionsProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  readonly ingestion: RdsSnapshotExportDeclaration;
  /** Key prefix RDS writes under, without the trailing "/" (`sales/orders_db`). */
  readonly s3Prefix: string;
  readonly exportRoleArn: string;
  readonly topicArn: string;
}

/**
 * The lake key lives in the platform stack; its alias, a name from config, picks it out without remote state.
 * `through`: the one service that may use it on the caller's behalf (`kms:ViaService`), where the caller never
 * uses the key itself. @default - any, as the key policy allows
 */
function lakeKey(org: OrganisationDeclaration, env: string, sid: string, actions: string[], through?: string): DataAwsIamPolicyDocumentStatement {
  const { region, accountId } = environment(org, env);
  return {
    sid,
    actions,
    resources: [`arn:aws:kms:${region}:${accountId}:key/*`],
    condition: [
      { test: "ForAnyValue:StringEquals", variable: "kms:ResourceAliases", values: [lakeKeyAlias(org)] },
      ...(through ? [{ test: "StringEquals", variable: "kms:ViaService", values: [`${through}.${region}.amazonaws.com`] }] : []),
    ],
  };
}

/**
 * What the KMS key of an export requires of the caller of StartExportTask (RDS API Reference,
 * `StartExportTaskMessage.KmsKeyId`): RDS checks these on the caller and creates a grant for the export.
 */
export const EXPORT_KEY_ACTIONS = [
  "kms:CreateGrant",
  "kms:Decrypt",
  "kms:DescribeKey",
  "kms:Encrypt",
  "kms:GenerateDataKey",
  "kms:GenerateDataKeyWithoutPlaintext",
  "kms:ReEncryptFrom",
  "kms:ReEncryptTo",
  "kms:RetireGrant",
];

/**
 * The service RDS checks a passed role against. StartExportTask passes the role to RDS, which has the export service
 * (`export.rds.amazonaws.com`, the role's trust) assume it; AWS's RDS policies name `rds.amazonaws.com` as the
 * service a role is passed to, and which of the two RDS reports for exports cannot be seen without an account, so
 * both RDS principals are allowed and no other service.
 */
export const EXPORT_ROLE_PASSED_TO = ["rds.amazonaws.com", "export.rds.amazonaws.com"];

/**
 * What the state machine may do: read the source's snapshots (automated ones are named `rds:<source>-<time>`),
 * start and follow exports, hand RDS the export role and nothing else, let the export use the lake key (RDS checks
 * the caller's key permissions and creates a grant), announce failures and deliver its log.
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
      condition: [{ test: "StringEquals", variable: "iam:PassedToService", values: EXPORT_ROLE_PASSED_TO }],
    },
    // RDS checks these with the caller's credentials and creates the export's grant: through RDS only, so the state
    // machine can never decrypt lake objects itself.
    lakeKey(org, env, "LetTheExportUseTheLakeKey", EXPORT_KEY_ACTIONS, "rds"),
    { sid: "AnnounceFailures", actions: ["sns:Publish"], resources: [props.topicArn] },
    encryptAlertsThroughSns(org, env),
    stateMachineLogDelivery(),
  ];
}

/**
 * What RDS may do with the export role: write, read back and replace files under the ingestion's prefix of the raw
 * bucket only, list the bucket and find its region (the actions and resources the RDS User Guide's export policy and
 * the API Reference's `IamRoleArn` list: s3:ListBucket on the bucket itself, with no prefix condition, since how RDS
 * lists cannot be seen without an account; a listing shows key names, never data), and encrypt with the lake key.
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
    { sid: "ListAndFindTheBucket", actions: ["s3:ListBucket", "s3:GetBucketLocation"], resources: [bucket] },
    lakeKey(org, env, "EncryptWithTheLakeKey", ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:DescribeKey"]),
  ];
}
