import { DeleteItemCommand, type DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";
import { IDEMPOTENCY_TABLE_SCHEMA } from "./config.ts";

/** Markers outlive any EventBridge redelivery or sweep window by far; DynamoDB TTL then removes them. */
export const ALERT_MARKER_TTL_SECONDS = 30 * 24 * 60 * 60;

export function alertMarkerKey(queryExecutionId: string): string {
  return `alert#${queryExecutionId}`;
}

/**
 * Claims the right to alert about a query. Returns false if another delivery already claimed it.
 * The conditional put is the only cross-invocation lock: S3 overwrites are harmless, Slack posts are not.
 */
export async function claimAlert(
  dynamodb: DynamoDBClient,
  table: string,
  queryExecutionId: string,
  costUsd: number,
  now: Date,
): Promise<boolean> {
  const { partitionKey, ttlAttribute } = IDEMPOTENCY_TABLE_SCHEMA;
  try {
    await dynamodb.send(
      new PutItemCommand({
        TableName: table,
        Item: {
          [partitionKey]: { S: alertMarkerKey(queryExecutionId) },
          [ttlAttribute]: { N: String(Math.floor(now.getTime() / 1000) + ALERT_MARKER_TTL_SECONDS) },
          queryExecutionId: { S: queryExecutionId },
          costUsd: { N: String(costUsd) },
          claimedAt: { S: now.toISOString() },
        },
        ConditionExpression: `attribute_not_exists(${partitionKey})`,
      }),
    );
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === "ConditionalCheckFailedException") return false;
    throw error;
  }
}

/** Gives the claim back after a failed post, so the Lambda retry (or the DLQ replay) can alert again. */
export async function releaseAlert(dynamodb: DynamoDBClient, table: string, queryExecutionId: string): Promise<void> {
  await dynamodb.send(
    new DeleteItemCommand({
      TableName: table,
      Key: { [IDEMPOTENCY_TABLE_SCHEMA.partitionKey]: { S: alertMarkerKey(queryExecutionId) } },
    }),
  );
}
