import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
  type KmsKey,
  S3Bucket,
  S3BucketLifecycleConfiguration,
  type S3BucketLifecycleConfigurationRule,
  S3BucketLoggingA,
  S3BucketOwnershipControls,
  S3BucketPolicy,
  S3BucketPublicAccessBlock,
  S3BucketServerSideEncryptionConfigurationA,
  S3BucketVersioningA,
} from "../iac/aws.ts";
import { Construct } from "../iac/cdktf.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";

export interface LakeBucketProps {
  readonly bucketName: string;
  /**
   * Key for SSE-KMS with S3 Bucket Keys.
   * @default - SSE-S3; only for the access-log bucket, because S3 cannot deliver server access logs to a bucket
   *   whose default encryption is SSE-KMS.
   */
  readonly encryptionKey?: KmsKey;
  /** Where this bucket's server access logs go. @default - none; only for the access-log bucket itself */
  readonly accessLogs?: { readonly bucket: S3Bucket; readonly prefix: string };
  /** Let S3's logging service write here, from this account only. @default false */
  readonly receivesAccessLogsFromAccount?: string;
  /** Expire current objects after this many days. @default - kept forever */
  readonly expireObjectsAfterDays?: number;
  /** Old versions of overwritten or deleted objects are kept this long, then removed. */
  readonly noncurrentVersionRetentionDays: number;
  readonly abortIncompleteUploadDays: number;
  /** Terraform refuses to destroy the bucket; removing this protection is a reviewed change. */
  readonly preventDestroy: boolean;
  /** More bucket policy statements, such as AppFlow's writes to the raw zone. @default [] */
  readonly policyStatements?: readonly DataAwsIamPolicyDocumentStatement[];
}

/**
 * A bucket with every protection Baikal promises: public access blocked, ACLs off, default encryption,
 * versioning, TLS-only access, access logs, lifecycle rules, and no `force_destroy`.
 */
export class LakeBucket extends Construct {
  readonly bucket: S3Bucket;

  constructor(scope: Construct, id: string, props: LakeBucketProps) {
    super(scope, id);
    this.bucket = new S3Bucket(this, MAIN_RESOURCE_ID, {
      bucket: props.bucketName,
      forceDestroy: false,
      lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined,
    });
    const bucket = this.bucket.id;

    new S3BucketPublicAccessBlock(this, "public_access_block", {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, "ownership", { bucket, rule: { objectOwnership: "BucketOwnerEnforced" } });
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket,
      rule: [
        props.encryptionKey
          ? {
              applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.encryptionKey.arn },
              bucketKeyEnabled: true,
            }
          : { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
      ],
    });
    new S3BucketVersioningA(this, "versioning", { bucket, versioningConfiguration: { status: "Enabled" } });
    if (props.accessLogs) {
      new S3BucketLoggingA(this, "logging", {
        bucket,
        targetBucket: props.accessLogs.bucket.id,
        targetPrefix: props.accessLogs.prefix,
      });
    }

    const rules: S3BucketLifecycleConfigurationRule[] = [
      {
        id: "expire-noncurrent-versions",
        status: "Enabled",
        filter: [{ prefix: "" }],
        noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionRetentionDays }],
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: props.abortIncompleteUploadDays }],
      },
    ];
    if (props.expireObjectsAfterDays !== undefined) {
      rules.push({ id: "expire-objects", status: "Enabled", filter: [{ prefix: "" }], expiration: [{ days: props.expireObjectsAfterDays }] });
    }
    new S3BucketLifecycleConfiguration(this, "lifecycle", { bucket, rule: rules });

    const policy = new DataAwsIamPolicyDocument(this, "policy_document", {
      statement: [
        {
          sid: "DenyInsecureTransport",
          effect: "Deny",
          principals: [{ type: "*", identifiers: ["*"] }],
          actions: ["s3:*"],
          resources: [this.bucket.arn, `${this.bucket.arn}/*`],
          condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
        },
        ...(props.receivesAccessLogsFromAccount
          ? [
              {
                sid: "AllowServerAccessLogDelivery",
                effect: "Allow",
                principals: [{ type: "Service", identifiers: ["logging.s3.amazonaws.com"] }],
                actions: ["s3:PutObject"],
                resources: [`${this.bucket.arn}/*`],
                condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [props.receivesAccessLogsFromAccount] }],
              },
            ]
          : []),
        ...(props.policyStatements ?? []),
      ],
    });
    new S3BucketPolicy(this, "policy", { bucket, policy: policy.json });
  }
}
