import { HeadObjectCommand, PutObjectCommand, type PutObjectCommandInput, type S3Client } from "@aws-sdk/client-s3";
import type { Config } from "./config.ts";
import type { QueryRecord } from "./record.ts";

type LogLocation = Pick<Config, "queryLogBucket" | "queryLogPrefix" | "queryLogKmsKeyId">;

/**
 * `<prefix>/dt=<yyyy-MM-dd>/<id>.json`, dated by submission (UTC). Deterministic, so a redelivered event or a
 * sweep racing the event path overwrites the same object instead of adding a duplicate row to the lake.
 */
export function recordKey(prefix: string, queryExecutionId: string, submittedAt: Date): string {
  const day = submittedAt.toISOString().slice(0, 10);
  return `${prefix ? `${prefix}/` : ""}dt=${day}/${queryExecutionId}.json`;
}

export async function writeRecord(s3: S3Client, location: LogLocation, key: string, record: QueryRecord): Promise<void> {
  const input: PutObjectCommandInput = {
    Bucket: location.queryLogBucket,
    Key: key,
    // One object per line (JSON Lines) so Athena's JSON SerDe can read the prefix as a table.
    Body: `${JSON.stringify(record)}\n`,
    ContentType: "application/json",
  };
  // Only with a key: `aws:kms` without a key id would silently pick the AWS-managed aws/s3 key instead of
  // the bucket's default customer-managed key.
  if (location.queryLogKmsKeyId) {
    input.ServerSideEncryption = "aws:kms";
    input.SSEKMSKeyId = location.queryLogKmsKeyId;
    input.BucketKeyEnabled = true;
  }
  await s3.send(new PutObjectCommand(input));
}

/**
 * Whether the record exists. A missing key is a 404 only if the role may `s3:ListBucket`; otherwise S3 answers
 * 403, which is reported as an error rather than mistaken for "missing" (which would rewrite every record on every sweep).
 */
export async function recordExists(s3: S3Client, bucket: string, key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    const name = (error as { name?: string }).name;
    if (name === "NotFound" || name === "NoSuchKey" || status === 404) return false;
    if (status === 403) {
      throw new Error(`HeadObject s3://${bucket}/${key} was denied (403); the role needs s3:ListBucket so a missing record reads as 404`, {
        cause: error,
      });
    }
    throw error;
  }
}
