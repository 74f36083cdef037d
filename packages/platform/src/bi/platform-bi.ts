import { DEFAULTS } from "../declarations/defaults.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { workgroupArn, workgroupResultsLocation } from "../athena/workgroup-names.ts";
import { resolvePrincipal } from "../grants/principals.ts";
import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement, IamRole, IamRolePolicy, type KmsKey, QuicksightDataSource } from "../iac/aws.ts";
import { Construct } from "../iac/cdktf.ts";
import { terraformLiteral } from "../iac/terraform-string.ts";
import { bucketName, environment } from "../naming/names.ts";
import { quicksightDataSourceId } from "./quicksight-names.ts";

/** What the owners of the data source may do with it: everything, including sharing it. */
export const DATA_SOURCE_OWNER_ACTIONS = [
  "quicksight:DeleteDataSource",
  "quicksight:DescribeDataSource",
  "quicksight:DescribeDataSourcePermissions",
  "quicksight:PassDataSource",
  "quicksight:UpdateDataSource",
  "quicksight:UpdateDataSourcePermissions",
];

export interface PlatformBiProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  readonly key: KmsKey;
}

/**
 * QuickSight's Athena data source on the `quicksight` workgroup and the IAM its service role needs, and, when
 * `bi.redash` is configured, the role Redash assumes. IAM only opens the door: Lake Formation grants decide what
 * either reads.
 */
export class PlatformBi extends Construct {
  readonly dataSource: QuicksightDataSource;
  readonly redashRole?: IamRole;

  constructor(scope: Construct, id: string, props: PlatformBiProps) {
    super(scope, id);
    const { organisation: org, environment: env } = props;
    const accountId = environment(org, env).accountId;
    const owners = org.bi?.quicksight?.owners;
    const ownerArn = owners === undefined ? undefined : resolvePrincipal(org, owners, env)?.principal;
    const quicksight = new DataAwsIamPolicyDocument(this, "quicksight_access", { statement: this.queryStatements(props, "quicksight") });
    const quicksightPolicy = new IamRolePolicy(this, "quicksight_policy", {
      role: terraformLiteral(org.bi?.quicksight?.serviceRoleName ?? DEFAULTS.quicksightServiceRoleName),
      name: "baikal-athena",
      policy: quicksight.json,
    });
    this.dataSource = new QuicksightDataSource(this, "data_source", {
      awsAccountId: accountId,
      dataSourceId: quicksightDataSourceId(env),
      name: terraformLiteral(`Baikal Athena (${env})`),
      type: "ATHENA",
      parameters: { athena: { workGroup: "quicksight" } },
      permission: ownerArn === undefined ? [] : [{ principal: ownerArn, actions: DATA_SOURCE_OWNER_ACTIONS }],
      // QuickSight tries the data source with its service role when creating it: the role's policy comes first.
      dependsOn: [quicksightPolicy],
    });

    const redash = org.bi?.redash;
    const declared = org.principals?.redash;
    if (redash && declared?.kind === "iam-role" && declared.name !== undefined) {
      const trust = new DataAwsIamPolicyDocument(this, "redash_trust", {
        statement: [{ actions: ["sts:AssumeRole"], principals: [{ type: "AWS", identifiers: [terraformLiteral(redash.trustedPrincipalArn)] }] }],
      });
      this.redashRole = new IamRole(this, "redash_role", {
        name: terraformLiteral(declared.name),
        description: "Redash assumes this role to query Athena on the redash workgroup; Lake Formation grants to redash decide what it reads",
        assumeRolePolicy: trust.json,
      });
      const access = new DataAwsIamPolicyDocument(this, "redash_access", { statement: this.queryStatements(props, "redash") });
      new IamRolePolicy(this, "redash_policy", { role: this.redashRole.id, name: "baikal-athena", policy: access.json });
    }
  }

  /**
   * Athena on one workgroup, Glue read, Lake Formation's credentials, and what Athena needs for the query results:
   * the workgroup's results prefix and the lake key, which encrypts them, only for the query-results bucket. No read
   * of the raw or curated buckets: Athena reads registered data with the credentials Lake Formation vends, and an
   * IAM read there would bypass every Lake Formation permission (the buckets' policies deny it anyway).
   */
  private queryStatements(props: PlatformBiProps, workgroup: string): DataAwsIamPolicyDocumentStatement[] {
    const { organisation: org, environment: env } = props;
    const { region, accountId } = environment(org, env);
    const results = `arn:aws:s3:::${bucketName(org, env, "query-results")}`;
    const prefix = workgroupResultsLocation(org, env, workgroup).replace(/^s3:\/\/[^/]+\//, "");
    return [
      {
        sid: "QueryOnWorkgroup",
        actions: [
          "athena:BatchGetQueryExecution",
          "athena:GetQueryExecution",
          "athena:GetQueryResults",
          "athena:GetQueryResultsStream",
          "athena:GetWorkGroup",
          "athena:ListQueryExecutions",
          "athena:StartQueryExecution",
          "athena:StopQueryExecution",
        ],
        resources: [workgroupArn(org, env, workgroup)],
      },
      { sid: "ListCatalogs", actions: ["athena:GetDataCatalog", "athena:ListDataCatalogs", "athena:ListWorkGroups"], resources: ["*"] },
      {
        sid: "ReadCatalog",
        actions: ["glue:BatchGetPartition", "glue:GetDatabase", "glue:GetDatabases", "glue:GetPartition", "glue:GetPartitions", "glue:GetTable", "glue:GetTables"],
        resources: [`arn:aws:glue:${region}:${accountId}:catalog`, `arn:aws:glue:${region}:${accountId}:database/*`, `arn:aws:glue:${region}:${accountId}:table/*/*`],
      },
      { sid: "LakeFormationData", actions: ["lakeformation:GetDataAccess"], resources: ["*"] },
      { sid: "ListResults", actions: ["s3:GetBucketLocation", "s3:ListBucket"], resources: [results] },
      {
        sid: "WriteResults",
        actions: ["s3:AbortMultipartUpload", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"],
        resources: [`${results}/${prefix}*`],
      },
      {
        // Through S3 only, and only for the query-results bucket (its Bucket Keys make the bucket the context).
        sid: "UseLakeKeyForResults",
        actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
        resources: [props.key.arn],
        condition: [
          { test: "StringEquals", variable: "kms:ViaService", values: [`s3.${region}.amazonaws.com`] },
          { test: "StringLike", variable: "kms:EncryptionContext:aws:s3:arn", values: [results, `${results}/${prefix}*`] },
        ],
      },
      { sid: "DescribeLakeKey", actions: ["kms:DescribeKey"], resources: [props.key.arn] },
    ];
  }
}
