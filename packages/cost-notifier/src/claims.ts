import { randomUUID } from "node:crypto";
import {
  type AttributeValue,
  DeleteItemCommand,
  type DynamoDBClient,
  QueryCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import { IDEMPOTENCY_TABLE_SCHEMA as SCHEMA } from "./config.ts";

/**
 * One claim per expensive query, `alert#<query id>`, decides who posts its alert. Its states and moves:
 * - none → pending(owner, lease): `acquireClaim` creates it (condition: no item yet).
 * - pending, lease run out → pending(new owner, new lease): `acquireClaim` takes it over (condition: pending and
 *   lease <= now). The claimant before crashed, timed out mid-post, failed to release, or released after a failed post.
 * - pending(owner) → pending, lease ending now: `releaseClaim` after a failed post (condition: still the owner), so
 *   the Lambda retry need not wait for the lease.
 * - pending → posted: `markPosted` once Slack accepted the alert; the lease attribute goes, and with it the claim
 *   leaves the sparse pending index the sweep reads.
 * - pending → none: `dropClaim` / `dropExpiredClaim` when the alert will not be posted (no webhook; too cheap now).
 * - any → none: DynamoDB TTL, 30 days after the first claim.
 *
 * The conditional writes keep two invocations from both posting within a lease. A lease lasts until the claimant's
 * invocation ends plus `LEASE_MARGIN_MS`: by then the claimant cannot be running, so a take-over never races a live
 * post. A claimant stopped after Slack accepted but before `markPosted` leaves the claim pending, and the take-over
 * posts again: at least once, a duplicate in that rare case, never a loss.
 */
export const CLAIM_TTL_SECONDS = 30 * 24 * 60 * 60;

/** Clock skew between Lambda hosts, and the moment between a deadline and the freeze of the process. */
export const LEASE_MARGIN_MS = 30_000;

const PENDING = "pending";
const POSTED = "posted";

export function alertMarkerKey(queryExecutionId: string): string {
  return `alert#${queryExecutionId}`;
}

/** The claim an invocation holds; `owner` is unique to this acquisition. */
export interface Claim {
  readonly queryExecutionId: string;
  readonly owner: string;
  /** 1 for the first claimant, then one more per take-over. */
  readonly attempt: number;
  /** Epoch milliseconds on the runtime clock. */
  readonly leaseExpiresAt: number;
}

export type AcquireResult =
  | { readonly kind: "acquired"; readonly claim: Claim }
  | { readonly kind: "posted" }
  | { readonly kind: "in-flight"; readonly leaseExpiresAt: number | undefined };

export interface AcquireInput {
  readonly queryExecutionId: string;
  readonly costUsd: number;
  readonly now: Date;
  /** How long from `now` the lease runs: the invocation's remaining time plus `LEASE_MARGIN_MS`. */
  readonly leaseMs: number;
}

export async function acquireClaim(dynamodb: DynamoDBClient, table: string, input: AcquireInput): Promise<AcquireResult> {
  const owner = randomUUID();
  const nowMs = input.now.getTime();
  const leaseExpiresAt = nowMs + Math.max(0, Math.round(input.leaseMs));
  try {
    const response = await dynamodb.send(
      new UpdateItemCommand({
        TableName: table,
        Key: key(input.queryExecutionId),
        UpdateExpression:
          "SET #status = :pending, #lease = :lease, #owner = :owner, #id = :id, #cost = :cost, #claimedAt = :claimedAt, " +
          "#ttl = if_not_exists(#ttl, :ttl) ADD #attempts :one",
        ConditionExpression: "attribute_not_exists(#pk) OR (#status = :pending AND #lease <= :now)",
        ExpressionAttributeNames: {
          "#pk": SCHEMA.partitionKey,
          "#status": SCHEMA.statusAttribute,
          "#lease": SCHEMA.leaseAttribute,
          "#owner": "owner",
          "#id": "queryExecutionId",
          "#cost": "costUsd",
          "#claimedAt": "claimedAt",
          "#ttl": SCHEMA.ttlAttribute,
          "#attempts": "attempts",
        },
        ExpressionAttributeValues: {
          ":pending": { S: PENDING },
          ":lease": { N: String(leaseExpiresAt) },
          ":owner": { S: owner },
          ":id": { S: input.queryExecutionId },
          ":cost": { N: String(input.costUsd) },
          ":claimedAt": { S: input.now.toISOString() },
          ":ttl": { N: String(Math.floor(nowMs / 1000) + CLAIM_TTL_SECONDS) },
          ":one": { N: "1" },
          ":now": { N: String(nowMs) },
        },
        ReturnValues: "ALL_NEW",
        // Tells a posted claim from one in flight without a second read.
        ReturnValuesOnConditionCheckFailure: "ALL_OLD",
      }),
    );
    const attempt = Number(response.Attributes?.attempts?.N ?? "1");
    return { kind: "acquired", claim: { queryExecutionId: input.queryExecutionId, owner, attempt, leaseExpiresAt } };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const item = (error as { Item?: Record<string, AttributeValue> }).Item;
    const status = item?.[SCHEMA.statusAttribute]?.S;
    // A marker of the versions before claims had a status meant "alerted": treat it as posted.
    if (status === POSTED || (item !== undefined && status === undefined)) return { kind: "posted" };
    const lease = item?.[SCHEMA.leaseAttribute]?.N;
    return { kind: "in-flight", leaseExpiresAt: lease === undefined ? undefined : Number(lease) };
  }
}

/**
 * Slack accepted the alert. Unconditional: the post happened whoever holds the lease now, and a claim that TTL
 * or a drop removed meanwhile comes back posted (with a TTL) rather than being claimed again.
 */
export async function markPosted(dynamodb: DynamoDBClient, table: string, claim: Claim, now: Date): Promise<void> {
  await dynamodb.send(
    new UpdateItemCommand({
      TableName: table,
      Key: key(claim.queryExecutionId),
      UpdateExpression: "SET #status = :posted, #postedAt = :postedAt, #ttl = if_not_exists(#ttl, :ttl) REMOVE #lease, #owner",
      ExpressionAttributeNames: {
        "#status": SCHEMA.statusAttribute,
        "#postedAt": "postedAt",
        "#ttl": SCHEMA.ttlAttribute,
        "#lease": SCHEMA.leaseAttribute,
        "#owner": "owner",
      },
      ExpressionAttributeValues: {
        ":posted": { S: POSTED },
        ":postedAt": { S: now.toISOString() },
        ":ttl": { N: String(Math.floor(now.getTime() / 1000) + CLAIM_TTL_SECONDS) },
      },
    }),
  );
}

/**
 * Ends this claimant's lease now, after a failed post, so the Lambda retry takes over at once instead of when the
 * lease runs out. Returns false when the claim is no longer this claimant's (taken over, or posted).
 */
export async function releaseClaim(dynamodb: DynamoDBClient, table: string, claim: Claim, now: Date): Promise<boolean> {
  return conditionHolds(
    dynamodb.send(
      new UpdateItemCommand({
        TableName: table,
        Key: key(claim.queryExecutionId),
        UpdateExpression: "SET #lease = :now REMOVE #owner",
        ConditionExpression: "#status = :pending AND #owner = :owner",
        ExpressionAttributeNames: { "#lease": SCHEMA.leaseAttribute, "#owner": "owner", "#status": SCHEMA.statusAttribute },
        ExpressionAttributeValues: { ":now": { N: String(now.getTime()) }, ":pending": { S: PENDING }, ":owner": { S: claim.owner } },
      }),
    ),
  );
}

/** Removes this claimant's pending claim: the alert will not be posted (no webhook is configured). */
export async function dropClaim(dynamodb: DynamoDBClient, table: string, claim: Claim): Promise<boolean> {
  return conditionHolds(
    dynamodb.send(
      new DeleteItemCommand({
        TableName: table,
        Key: key(claim.queryExecutionId),
        ConditionExpression: "#status = :pending AND #owner = :owner",
        ExpressionAttributeNames: { "#status": SCHEMA.statusAttribute, "#owner": "owner" },
        ExpressionAttributeValues: { ":pending": { S: PENDING }, ":owner": { S: claim.owner } },
      }),
    ),
  );
}

/**
 * Removes a pending claim nobody holds, for a query that no longer needs an alert (its threshold was raised) or
 * that Athena no longer knows: otherwise the sweep would find it again every run until TTL.
 */
export async function dropExpiredClaim(dynamodb: DynamoDBClient, table: string, queryExecutionId: string, now: Date): Promise<boolean> {
  return conditionHolds(
    dynamodb.send(
      new DeleteItemCommand({
        TableName: table,
        Key: key(queryExecutionId),
        ConditionExpression: "#status = :pending AND #lease <= :now",
        ExpressionAttributeNames: { "#status": SCHEMA.statusAttribute, "#lease": SCHEMA.leaseAttribute },
        ExpressionAttributeValues: { ":pending": { S: PENDING }, ":now": { N: String(now.getTime()) } },
      }),
    ),
  );
}

/**
 * Query ids whose claim is pending and whose lease has run out, oldest lease first, from the sparse index:
 * however old, until TTL. The index is eventually consistent; `acquireClaim` decides for real.
 */
export async function expiredClaims(dynamodb: DynamoDBClient, table: string, now: Date, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamodb.send(
      new QueryCommand({
        TableName: table,
        IndexName: SCHEMA.pendingIndex,
        KeyConditionExpression: "#status = :pending AND #lease <= :now",
        ExpressionAttributeNames: { "#status": SCHEMA.statusAttribute, "#lease": SCHEMA.leaseAttribute },
        ExpressionAttributeValues: { ":pending": { S: PENDING }, ":now": { N: String(now.getTime()) } },
        Limit: limit - ids.length,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const id = item.queryExecutionId?.S;
      if (id) ids.push(id);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey && ids.length < limit);
  return ids;
}

function key(queryExecutionId: string): Record<string, AttributeValue> {
  return { [SCHEMA.partitionKey]: { S: alertMarkerKey(queryExecutionId) } };
}

function isConditionFailure(error: unknown): boolean {
  return (error as { name?: string }).name === "ConditionalCheckFailedException";
}

/** True when the conditional write went through, false when its condition did not hold; other errors throw. */
async function conditionHolds(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
