import { DEFAULTS } from "../declarations/defaults.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { DataAwsIamPolicyDocument, KmsAlias, KmsKey } from "../iac/aws.ts";
import { Construct } from "../iac/cdktf.ts";
import { administeredByTheAccount, usedByTheAccountThrough } from "../encryption/key-policy.ts";
import { type BucketPurpose, bucketArn, bucketName, environment, lakeKeyAlias } from "../naming/names.ts";
import { LakeBucket, type LakeBucketProps } from "./lake-bucket.ts";
import { appflowBucketStatements, appflowKeyStatements, appflowStagingReadStatements } from "./appflow-writes.ts";
import type { AppflowExportPrefixes } from "../exports/export-stack-inputs.ts";
import { lakeReadGuardStatement } from "./lake-read-guard.ts";

export interface LakeStorageProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  /**
   * Raw prefixes (`<domain>/<location>`) of the domains' AppFlow ingestions, which AppFlow may write to.
   * @default [] - AppFlow may not write to the lake
   */
  readonly appflowRawPrefixes?: readonly string[];
  /**
   * Prefixes of the domains' Salesforce exports: AppFlow reads their staged rows in the query-results bucket and
   * writes the records Salesforce rejected to the raw bucket. @default - none
   */
  readonly appflowExportPrefixes?: AppflowExportPrefixes;
  /**
   * A domain exports RDS snapshots: RDS encrypts the export with the lake key on the caller's behalf, so the key
   * admits use through RDS as well as through S3. @default false
   */
  readonly rdsExports?: boolean;
}

/**
 * The lake's storage in one environment: a customer-managed KMS key and the raw, curated, query-results and
 * access-log buckets. The key and the data buckets are protected from `terraform destroy`.
 */
export class LakeStorage extends Construct {
  readonly key: KmsKey;
  readonly buckets: Readonly<Record<BucketPurpose, LakeBucket>>;

  constructor(scope: Construct, id: string, props: LakeStorageProps) {
    super(scope, id);
    const org = props.organisation;
    const env = props.environment;
    const { accountId: account, region } = environment(org, env);
    const lake = org.lake ?? {};
    const noncurrentVersionRetentionDays = lake.noncurrentVersionRetentionDays ?? DEFAULTS.noncurrentVersionRetentionDays;
    const abortIncompleteUploadDays = DEFAULTS.abortIncompleteUploadDays;

    const exportPrefixes = props.appflowExportPrefixes ?? { staging: [], errors: [] };
    const appflowWrites = [...(props.appflowRawPrefixes ?? []), ...exportPrefixes.errors];
    const keyPolicy = new DataAwsIamPolicyDocument(this, "key_policy", {
      statement: [
        administeredByTheAccount(account),
        // Lake data is read and written through S3 (Athena, Lake Formation's credentials, the cost monitor), and RDS
        // encrypts snapshot exports; a direct KMS call with the account's credentials is refused.
        usedByTheAccountThrough(props.rdsExports ? "AccountUsesTheKeyThroughS3AndRds" : "AccountUsesTheKeyThroughS3", account, region, props.rdsExports ? ["s3", "rds"] : ["s3"]),
        ...appflowKeyStatements(account, appflowWrites.length > 0 || exportPrefixes.staging.length > 0),
      ],
    });
    this.key = new KmsKey(this, "key", {
      description: `${org.name} ${env} lake: encrypts raw, curated and query-result data`,
      enableKeyRotation: true,
      deletionWindowInDays: DEFAULTS.kmsDeletionWindowDays,
      policy: keyPolicy.json,
      lifecycle: { preventDestroy: true },
    });
    new KmsAlias(this, "key_alias", { name: lakeKeyAlias(org), targetKeyId: this.key.keyId });

    const accessLogs = new LakeBucket(this, "access_logs", {
      bucketName: bucketName(org, env, "access-logs"),
      receivesAccessLogsFromAccount: account,
      expireObjectsAfterDays: lake.accessLogRetentionDays ?? DEFAULTS.accessLogRetentionDays,
      noncurrentVersionRetentionDays,
      abortIncompleteUploadDays,
      preventDestroy: false,
    });
    // Construct ids use "_" so addresses read like Terraform's own (lake_query_results).
    type Extra = Pick<LakeBucketProps, "preventDestroy" | "expireObjectsAfterDays" | "policyStatements">;
    const dataBucket = (purpose: BucketPurpose, extra: Extra) =>
      new LakeBucket(this, purpose.replace("-", "_"), {
        bucketName: bucketName(org, env, purpose),
        encryptionKey: this.key,
        accessLogs: { bucket: accessLogs.bucket, prefix: `${purpose}/` },
        noncurrentVersionRetentionDays,
        abortIncompleteUploadDays,
        ...extra,
      });

    this.buckets = {
      // Only Lake Formation, the lake writers and the break-glass admins read the zones' objects (lake-read-guard.ts).
      raw: dataBucket("raw", {
        preventDestroy: true,
        policyStatements: [lakeReadGuardStatement(org, env, bucketArn(org, env, "raw")), ...appflowBucketStatements(bucketArn(org, env, "raw"), appflowWrites, account)],
      }),
      curated: dataBucket("curated", { preventDestroy: true, policyStatements: [lakeReadGuardStatement(org, env, bucketArn(org, env, "curated"))] }),
      "query-results": dataBucket("query-results", {
        preventDestroy: false,
        expireObjectsAfterDays: lake.queryResultsRetentionDays ?? DEFAULTS.queryResultsRetentionDays,
        policyStatements: appflowStagingReadStatements(bucketArn(org, env, "query-results"), exportPrefixes.staging, account),
      }),
      "access-logs": accessLogs,
    };
  }
}
