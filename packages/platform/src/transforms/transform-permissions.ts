import type { DataAwsIamPolicyDocumentStatement } from "../iac/aws.ts";
import { tableLocation } from "../declarations/table.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { type BucketPurpose, bucketName, environment, lakeKeyAlias } from "../naming/names.ts";
import { workgroupArn } from "../athena/workgroup-names.ts";
import { stateMachineLogDelivery } from "./state-machine-logging.ts";
import { encryptAlertsThroughSns } from "./transform-alerts.ts";
import type { ResolvedTransform } from "./resolved-transform.ts";

export interface RunPermissionsProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  readonly transform: ResolvedTransform;
  readonly workgroup: string;
  readonly topicArn: string;
  readonly dependentArns: readonly string[];
}

/**
 * Exactly what one transform's run needs: its domain's workgroup, the catalog entries it reads and writes, S3
 * writes and deletes on its target's prefix only, its workgroup's result prefix, the lake key, Lake Formation's
 * credential vending, its alert topic, log delivery and the transforms it starts. Its sources are read with the
 * credentials Lake Formation vends for its grants, never with S3 permissions of its own; Lake Formation does not
 * govern writes to S3, so the target prefix in IAM is what confines the run's writes.
 */
export function runPermissions(props: RunPermissionsProps): DataAwsIamPolicyDocumentStatement[] {
  const { organisation: org, environment: env, transform: t } = props;
  const { region, accountId } = environment(org, env);
  const glue = (resource: string) => `arn:aws:glue:${region}:${accountId}:${resource}`;
  type Place = { purpose: BucketPurpose; bucket: string; prefix: string };
  const place = (purpose: BucketPurpose, prefix: string): Place => ({ purpose, bucket: `arn:aws:s3:::${bucketName(org, env, purpose)}`, prefix });
  const target = place("curated", `${t.domain}/${tableLocation(t.target)}`);
  const results = place("query-results", `${props.workgroup}/`);
  // ListBucket takes the bucket as resource; the prefix condition keeps listings to what the run may read.
  const listings = (["curated", "query-results"] as const).flatMap((purpose) => {
    const places = [target, results].filter((p) => p.purpose === purpose);
    if (places.length === 0) return [];
    return [
      {
        sid: `List${purpose === "query-results" ? "QueryResults" : "Curated"}Prefixes`,
        actions: ["s3:ListBucket"],
        resources: [places[0]!.bucket],
        condition: [{ test: "StringLike", variable: "s3:prefix", values: [...new Set(places.map((p) => `${p.prefix}*`))] }],
      },
    ];
  });
  const databases = [...new Set([t.domain, ...t.readsTables.map((r) => r.split(".")[0]!), ...t.sources.map((s) => s.database)])];
  const statements: DataAwsIamPolicyDocumentStatement[] = [
    {
      sid: "RunQueriesInTheDomainWorkgroup",
      actions: ["athena:StartQueryExecution", "athena:StopQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults"],
      resources: [workgroupArn(org, env, props.workgroup)],
    },
    { sid: "UseTheGlueCatalog", actions: ["athena:GetDataCatalog"], resources: [`arn:aws:athena:${region}:${accountId}:datacatalog/AwsDataCatalog`] },
    {
      sid: "ReadTheTablesItUses",
      actions: ["glue:GetDatabase", "glue:GetTable", "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition"],
      resources: [
        glue("catalog"),
        // Athena looks up the `default` database before every query (Athena User Guide, "Fine-grained access to
        // databases and tables": "Mandatory: Access policy to the default database and catalog per AWS Region").
        glue("database/default"),
        ...databases.map((d) => glue(`database/${d}`)),
        // The relations the SQL names (views too, which Athena reads from Glue) and the tables under them.
        ...[...new Set([`${t.domain}/${t.target.name}`, ...t.readsTables.map((r) => r.replace(".", "/")), ...t.sources.map((s) => `${s.database}/${s.table.name}`)])].map(
          (n) => glue(`table/${n}`),
        ),
      ],
    },
    {
      sid: "RegisterPartitionsOfTheTarget",
      actions: ["glue:BatchCreatePartition", "glue:CreatePartition", "glue:UpdatePartition"],
      resources: [glue("catalog"), glue(`database/${t.domain}`), glue(`table/${t.domain}/${t.target.name}`)],
    },
    {
      sid: "ReplaceTheTargetOnly",
      actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
      resources: [`${target.bucket}/${target.prefix}*`],
    },
    ...listings,
    {
      sid: "WriteQueryResults",
      actions: ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
      resources: [`${results.bucket}/${results.prefix}*`],
    },
    { sid: "FindTheResultsBucket", actions: ["s3:GetBucketLocation"], resources: [results.bucket] },
    {
      // What Athena calls on the bucket an INSERT writes to, as the Step Functions Athena template grants it (Step
      // Functions Developer Guide, "IAM policies for calling Amazon Athena"): multipart uploads are listed bucket-wide.
      sid: "FindTheTargetBucketAndItsUploads",
      actions: ["s3:GetBucketLocation", "s3:ListBucketMultipartUploads"],
      resources: [target.bucket],
    },
    {
      // The key lives in the platform stack; its alias, a name from config, picks it out without remote state.
      sid: "UseTheLakeKey",
      actions: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"],
      resources: [`arn:aws:kms:${region}:${accountId}:key/*`],
      condition: [{ test: "ForAnyValue:StringEquals", variable: "kms:ResourceAliases", values: [lakeKeyAlias(org)] }],
    },
    { sid: "GetLakeFormationCredentials", actions: ["lakeformation:GetDataAccess"], resources: ["*"] },
    { sid: "AnnounceFailures", actions: ["sns:Publish"], resources: [props.topicArn] },
    encryptAlertsThroughSns(org, env),
    // Step Functions delivers the machine's log through CloudWatch Logs' vended-log delivery, with the run role.
    stateMachineLogDelivery(),
  ];
  if (props.dependentArns.length > 0) {
    statements.push({ sid: "StartTransformsReadingTheTarget", actions: ["states:StartExecution"], resources: [...props.dependentArns] });
  }
  return statements;
}
