import { GetQueryExecutionCommand, type QueryExecution } from "@aws-sdk/client-athena";
import { lookupCaller } from "./caller.ts";
import { thresholdFor } from "./config.ts";
import { isFinalState } from "./event.ts";
import { claimAlert, releaseAlert } from "./idempotency.ts";
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
  | "webhook-missing";

export interface ProcessResult {
  readonly outcome: ProcessOutcome;
  readonly queryExecutionId: string;
  readonly key?: string;
  readonly record?: QueryRecord;
}

/**
 * The one path every query takes, from the event handler and from the sweep: price it, write the record, then
 * alert at most once. The record is written before anything that can fail for Slack reasons, so a Slack
 * outage never loses the log; Slack failures are thrown afterwards so the Lambda retry/DLQ can alert later.
 */
export async function processQuery(rt: Runtime, queryExecutionId: string, prefetched?: QueryExecution): Promise<ProcessResult> {
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
  await writeRecord(clients.s3, config, key, record);

  const thresholdUsd = thresholdFor(config, record.workgroup ?? "");
  const alert = record.costUsd > thresholdUsd;
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
  if (!alert) return { outcome: "logged", queryExecutionId, key, record };

  const webhook = await rt.webhook.get();
  if (webhook.kind === "missing") {
    const id = rt.webhook.secretId;
    log("warn", webhookMissingHint(id), {
      queryExecutionId,
      secretId: id,
      reason: webhook.reason,
      costUsd: record.costUsd,
    });
    return { outcome: "webhook-missing", queryExecutionId, key, record };
  }

  if (!(await claimAlert(clients.dynamodb, config.idempotencyTable, queryExecutionId, record.costUsd, now))) {
    log("info", "alert already sent for this query; skipped", { queryExecutionId });
    return { outcome: "already-alerted", queryExecutionId, key, record };
  }

  const message = buildAlertMessage(record, { thresholdUsd, region: config.region });
  try {
    const { attempts } = await postToSlack(webhook.url, message, { fetch: rt.fetch, sleep: rt.sleep });
    log("info", "slack alert sent", { queryExecutionId, costUsd: record.costUsd, attempts });
    return { outcome: "alerted", queryExecutionId, key, record };
  } catch (error) {
    if (error instanceof SlackPostError && error.webhookGone) rt.webhook.invalidate();
    try {
      await releaseAlert(clients.dynamodb, config.idempotencyTable, queryExecutionId);
    } catch (releaseError) {
      // The marker stays until its TTL: this query will not be re-alerted, but its record is safe in S3.
      log("error", "could not release alert marker after a failed post", { queryExecutionId, ...describeError(releaseError) });
    }
    log("error", "slack alert failed; released the marker and rethrowing for the Lambda retry", {
      queryExecutionId,
      ...describeError(error),
    });
    throw error;
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
