import { workgroupArn } from "../athena/workgroup-names.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import type { DataAwsIamPolicyDocumentStatement } from "../iac/aws.ts";
import { bucketArn, environment, lakeKeyAlias } from "../naming/names.ts";
import { stateMachineLogDelivery } from "../transforms/state-machine-logging.ts";
import type { ResolvedView } from "../views/resolved-view.ts";

export interface ViewQueryProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  readonly view: ResolvedView;
  /** Every view of the project, to follow the views this one reads. */
  readonly views: readonly ResolvedView[];
  readonly workgroup: string;
  readonly topicArn: string;
}

/** The view, the views it reads (transitively) and the base tables under them, as `database/name`. */
export function relationsRead(view: ResolvedView, views: readonly ResolvedView[]): string[] {
  const seen = new Set<string>();
  const visit = (v: ResolvedView) => {
    if (seen.has(`${v.domain}/${v.name}`)) return;
    seen.add(`${v.domain}/${v.name}`);
    for (const id of v.dependsOn) {
      const next = views.find((w) => w.id === id);
      if (next) visit(next);
    }
  };
  visit(view);
  return [...seen, ...new Set(view.lineage.map((c) => `${c.database}/${c.table}`))];
}

/**
 * What querying one view in the domain's workgroup takes, besides the Lake Formation grants the grants compiler
 * gives the role: Athena in that workgroup only, the Glue entries of the view and what it reads (Athena reads views
 * from Glue; `default` is required by Athena), the workgroup's result prefix, the lake key, Lake Formation's
 * credential vending, and the failure topic. No S3 read of lake data: Lake Formation hands Athena the credentials.
 */
export function viewQueryStatements(props: ViewQueryProps): DataAwsIamPolicyDocumentStatement[] {
  const { organisation: org, environment: env } = props;
  const { region, accountId } = environment(org, env);
  const glue = (resource: string) => `arn:aws:glue:${region}:${accountId}:${resource}`;
  const relations = relationsRead(props.view, props.views);
  const databases = [...new Set(["default", ...relations.map((r) => r.split("/")[0]!)])];
  const results = bucketArn(org, env, "query-results");
  return [
    {
      sid: "RunQueriesInTheDomainWorkgroup",
      actions: ["athena:StartQueryExecution", "athena:StopQueryExecution", "athena:GetQueryExecution", "athena:GetQueryResults"],
      resources: [workgroupArn(org, env, props.workgroup)],
    },
    { sid: "UseTheGlueCatalog", actions: ["athena:GetDataCatalog"], resources: [`arn:aws:athena:${region}:${accountId}:datacatalog/AwsDataCatalog`] },
    {
      sid: "ReadTheViewAndWhatItReads",
      actions: ["glue:GetDatabase", "glue:GetTable", "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition"],
      resources: [glue("catalog"), ...databases.map((d) => glue(`database/${d}`)), ...relations.map((r) => glue(`table/${r}`))],
    },
    {
      sid: "WriteAndReadQueryResults",
      actions: ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
      resources: [`${results}/${props.workgroup}/*`],
    },
    {
      sid: "ListQueryResults",
      actions: ["s3:ListBucket"],
      resources: [results],
      condition: [{ test: "StringLike", variable: "s3:prefix", values: [`${props.workgroup}/*`] }],
    },
    { sid: "FindTheResultsBucket", actions: ["s3:GetBucketLocation"], resources: [results] },
    {
      // The key lives in the platform stack; its alias, a name from config, picks it out without remote state. It
      // encrypts the query results only, through S3 and in the workgroup's prefix: lake data comes through Lake Formation.
      sid: "UseTheLakeKeyForQueryResults",
      actions: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"],
      resources: [`arn:aws:kms:${region}:${accountId}:key/*`],
      condition: [
        { test: "ForAnyValue:StringEquals", variable: "kms:ResourceAliases", values: [lakeKeyAlias(org)] },
        { test: "StringEquals", variable: "kms:ViaService", values: [`s3.${region}.amazonaws.com`] },
        { test: "StringLike", variable: "kms:EncryptionContext:aws:s3:arn", values: [results, `${results}/${props.workgroup}/*`] },
      ],
    },
    { sid: "GetLakeFormationCredentials", actions: ["lakeformation:GetDataAccess"], resources: ["*"] },
    { sid: "AnnounceFailures", actions: ["sns:Publish"], resources: [props.topicArn] },
  ];
}

/**
 * A Salesforce export's state machine, besides querying: refuse to overlap its own runs, empty the staging folder,
 * start and follow its one flow, and deliver its error log.
 */
export function salesforceRunStatements(props: {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  readonly stateMachineArn: string;
  readonly stagingPrefix: string;
  readonly flowName: string;
}): DataAwsIamPolicyDocumentStatement[] {
  const { region, accountId } = environment(props.organisation, props.environment);
  return [
    { sid: "SeeItsOwnRuns", actions: ["states:ListExecutions"], resources: [props.stateMachineArn] },
    { sid: "EmptyTheStagingFolder", actions: ["s3:DeleteObject"], resources: [`${bucketArn(props.organisation, props.environment, "query-results")}/${props.stagingPrefix}/*`] },
    {
      sid: "StartAndFollowItsFlow",
      actions: ["appflow:StartFlow", "appflow:DescribeFlowExecutionRecords"],
      resources: [`arn:aws:appflow:${region}:${accountId}:flow/${props.flowName}`],
    },
    stateMachineLogDelivery(),
  ];
}
