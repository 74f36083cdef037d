import { GetQueryExecutionCommand, type QueryExecution } from "@aws-sdk/client-athena";
import { lookupCaller } from "./caller.ts";
import { acquireClaim, type Claim, dropClaim, LEASE_MARGIN_MS, markPosted, releaseClaim } from "./claims.ts";
import { thresholdFor } from "./config.ts";
import { CLAIM_WRITE_RESERVE_MS, type Deadline } from "./deadline.ts";
import { isFinalState } from "./event.ts";
import { describeError } from "./log.ts";
import { recordKey, writeRecord } from "./query-log.ts";
import { buildRecord, type QueryRecord } from "./record.ts";
import type { Runtime } from "./runtime.ts";
import { buildAlertMessage } from "./slack/message.ts";
import { postToSlack, SlackPostError } from "./slack/post.ts";
import { webhookMissingHint } from "./slack/webhook-secret.ts";

export type ProcessOutcome =
  | "unknown-query"
  | "not-finished"
  | "logged"
  | "alerted"
  | "already-alerted"
  | "alert-in-flight"
  | "webhook-missing";

export interface ProcessResult {
  readonly outcome: ProcessOutcome;
  readonly queryExecutionId: string;
  readonly key?: string;
  readonly record?: QueryRecord;
}

/**
 * The one path every query takes, from the event handler and from the sweep: price it, write the record, and
 * post an alert at least once when it costs more than the threshold (see `claims.ts`). The claim is taken before
 * the record is written, so a query with a record either needed no alert or has a claim the sweep can find.
 * Anything that fails after the claim releases it and is rethrown, so the Lambda retry, the next sweep or, at the
 * end, the dead-letter queue keeps the alert.
 */
export async function processQuery(
  rt: Runtime,
  queryExecutionId: string,
  deadline: Deadline,
  prefetched?: QueryExecution,
): Promise<ProcessResult> {
  const { config, clients, log } = rt;
  const execution = prefetched ?? (await getExecution(rt, queryExecutionId));
  if (!execution) return { outcome: "unknown-query", queryExecutionId };

  const state = execution.Status?.State;
  if (!isFinalState(state)) {
    // The sweep will see it again once it finishes.
    log("info", "query not finished yet; skipped", { queryExecutionId, state });
    return { outcome: "not-finished", queryExecutionId };
  }

  const now = rt.now();
  const submittedAt = execution.Status?.SubmissionDateTime ?? execution.Status?.CompletionDateTime;
  if (!submittedAt) log("warn", "query has no submission time; dating its record today", { queryExecutionId });
  const caller = await lookupCaller(clients.cloudTrail, queryExecutionId, submittedAt, log);
  const record = buildRecord({ ...execution, QueryExecutionId: queryExecutionId }, caller, config.pricePerTerabyteUsd, now);
  const key = recordKey(config.queryLogPrefix, queryExecutionId, submittedAt ?? now);
  const thresholdUsd = thresholdFor(config, record.workgroup ?? "");
  const alert = record.costUsd > thresholdUsd;
  const result = (outcome: ProcessOutcome): ProcessResult => ({ outcome, queryExecutionId, key, record });
  const logRecord = async () => {
    await writeRecord(clients.s3, config, key, record);
    log("info", "query priced and logged", {
      queryExecutionId,
      workgroup: record.workgroup,
      state: record.state,
      statementType: record.statementType,
      bytesScanned: record.bytesScanned,
      costUsd: record.costUsd,
      statisticsMissing: record.statisticsMissing,
      callerFound: caller !== null,
      thresholdUsd,
      alert,
      key,
    });
  };
  if (!alert) {
    await logRecord();
    return result("logged");
  }

  const table = config.idempotencyTable;
  const acquired = await acquireClaim(clients.dynamodb, table, {
    queryExecutionId,
    costUsd: record.costUsd,
    // Read the clock again: the CloudTrail lookup may have taken a while, and the lease starts now.
    now: rt.now(),
    leaseMs: deadline.remainingMs() + LEASE_MARGIN_MS,
  });
  if (acquired.kind !== "acquired") {
    // A redelivered event may carry a caller CloudTrail had not yet; the same key is overwritten, never duplicated.
    await logRecord();
    if (acquired.kind === "posted") {
      log("info", "alert already sent for this query; skipped", { queryExecutionId });
      return result("already-alerted");
    }
    // The holder posts, or its lease runs out and a retry or the sweep takes over: returning loses nothing.
    log("info", "another invocation is posting this alert; skipped", {
      queryExecutionId,
      leaseExpiresAt: acquired.leaseExpiresAt === undefined ? undefined : new Date(acquired.leaseExpiresAt).toISOString(),
    });
    return result("alert-in-flight");
  }

  const { claim } = acquired;
  try {
    await logRecord();
    const webhook = await rt.webhook.get();
    if (webhook.kind === "missing") {
      const id = rt.webhook.secretId;
      log("warn", webhookMissingHint(id), { queryExecutionId, secretId: id, reason: webhook.reason, costUsd: record.costUsd });
      // Not an error to retry: until someone sets the URL, queries are logged and not alerted.
      await dropClaim(clients.dynamodb, table, claim);
      return result("webhook-missing");
    }
    const message = buildAlertMessage(record, { thresholdUsd, region: config.region });
    const { attempts } = await postToSlack(webhook.url, message, {
      fetch: rt.fetch,
      sleep: rt.sleep,
      deadlineMs: deadline.atMs - CLAIM_WRITE_RESERVE_MS,
    });
    log("info", "slack alert sent", { queryExecutionId, costUsd: record.costUsd, attempts, claimAttempt: claim.attempt });
  } catch (error) {
    if (error instanceof SlackPostError && error.webhookGone) rt.webhook.invalidate();
    await releaseAfterFailure(rt, claim, error);
    throw error;
  }

  try {
    await markPosted(clients.dynamodb, table, claim, rt.now());
  } catch (error) {
    // Posted, but the claim still says pending: once the lease runs out the sweep posts it again. A duplicate, not
    // a loss; failing the invocation would only make the Lambda retry post the duplicate sooner.
    log("error", "slack alert sent but its claim could not be marked posted; the sweep will post it again after the lease", {
      queryExecutionId,
      leaseExpiresAt: new Date(claim.leaseExpiresAt).toISOString(),
      ...describeError(error),
    });
  }
  return result("alerted");
}

/** Gives the claim back so the retry need not wait for the lease; if even that fails, the lease still runs out. */
async function releaseAfterFailure(rt: Runtime, claim: Claim, error: unknown): Promise<void> {
  const { queryExecutionId } = claim;
  try {
    const released = await releaseClaim(rt.clients.dynamodb, rt.config.idempotencyTable, claim, rt.now());
    rt.log("error", "alert not sent; released the claim and rethrowing for the Lambda retry", {
      queryExecutionId,
      released,
      ...describeError(error),
    });
  } catch (releaseError) {
    rt.log("error", "alert not sent and its claim could not be released; a retry or the sweep takes over when the lease runs out", {
      queryExecutionId,
      leaseExpiresAt: new Date(claim.leaseExpiresAt).toISOString(),
      ...describeError(error),
      releaseError: describeError(releaseError).errorMessage,
    });
  }
}

/** Returns undefined for an id Athena does not know (expired, other region, or garbage). */
async function getExecution(rt: Runtime, queryExecutionId: string): Promise<QueryExecution | undefined> {
  try {
    const response = await rt.clients.athena.send(new GetQueryExecutionCommand({ QueryExecutionId: queryExecutionId }));
    if (response.QueryExecution) return response.QueryExecution;
    rt.log("error", "GetQueryExecution returned no execution; dropped", { queryExecutionId });
    return undefined;
  } catch (error) {
    if ((error as { name?: string }).name === "InvalidRequestException") {
      rt.log("error", "unknown query id; dropped", { queryExecutionId, ...describeError(error) });
      return undefined;
    }
    throw error;
  }
}
