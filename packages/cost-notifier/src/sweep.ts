import type { QueryExecution } from "@aws-sdk/client-athena";
import { dropExpiredClaim, expiredClaims } from "./claims.ts";
import { type Deadline, invocationDeadline, type LambdaContext } from "./deadline.ts";
import { describeError } from "./log.ts";
import { processQuery } from "./process-query.ts";
import { recordExists, recordKey } from "./query-log.ts";
import { listWorkGroups, mapLimited, recentFinishedQueries } from "./recent-queries.ts";
import { defaultRuntime, lazyRuntime, type Runtime, type RuntimeOptions } from "./runtime.ts";

/** Queries that finished this recently are most likely being handled by their event right now; next run gets them. */
export const SWEEP_SETTLE_MS = 2 * 60_000;
/** The sweep starts no new query with less time than this left; the next run continues. */
export const SWEEP_STOP_BEFORE_DEADLINE_MS = 30_000;
/** Pending alerts tried per run; a longer backlog (a long Slack outage) drains over the next runs. */
export const MAX_PENDING_ALERTS_PER_RUN = 100;
const HEAD_CONCURRENCY = 10;

export interface SweepResult {
  readonly workgroups: number;
  readonly examined: number;
  readonly alreadyLogged: number;
  readonly processed: number;
  /** Alerts whose claim was still pending after its lease ran out, tried again. */
  readonly pendingAlerts: number;
  readonly failures: number;
}

export type SweepHandler = (event?: unknown, context?: LambdaContext) => Promise<SweepResult>;

export function createSweepHandler(options?: RuntimeOptions): SweepHandler {
  const runtime = options ? lazyRuntime(options) : defaultRuntime;
  return async (_event, context) => sweep(runtime(), invocationDeadline(context));
}

/**
 * Catches what the event path did not finish, through the same `processQuery`:
 * 1. alerts still pending whose lease has run out (Slack was down, a post timed out, a claim could not be
 *    released), however old, from the claims' pending index;
 * 2. finished queries of the look-back window without a record, because EventBridge delivers "on a best effort
 *    basis". A query with a record either needed no alert or has a claim, which the first step finds.
 * Idempotent with the event path by the deterministic S3 key and the conditional claim. Any failure fails the
 * run after the rest was tried, so the dead-letter queue's alarm sees it.
 */
export async function sweep(rt: Runtime, deadline: Deadline = invocationDeadline(undefined)): Promise<SweepResult> {
  const counts = { workgroups: 0, examined: 0, alreadyLogged: 0, processed: 0, pendingAlerts: 0, failures: 0 };
  const timeIsUp = () => {
    if (deadline.remainingMs() >= SWEEP_STOP_BEFORE_DEADLINE_MS) return false;
    rt.log("warn", "sweep stopped early to finish before its deadline; the next run continues", { ...counts });
    return true;
  };
  const handled = new Set<string>();
  const attempt = async (queryExecutionId: string, execution: QueryExecution | undefined, fields: Record<string, unknown>) => {
    try {
      return await processQuery(rt, queryExecutionId, deadline, execution);
    } catch (error) {
      // One bad query (e.g. Slack down) must not hide the others; the run still fails at the end.
      counts.failures += 1;
      rt.log("error", "sweep could not process query", { queryExecutionId, ...fields, ...describeError(error) });
      return undefined;
    }
  };

  if (!(await retryPendingAlerts(rt, counts, handled, timeIsUp, attempt))) return finish(rt, counts);

  const now = rt.now().getTime();
  const windowStart = now - rt.config.sweepLookbackMinutes * 60_000;
  const settledBefore = now - SWEEP_SETTLE_MS;
  for (const workgroup of await listWorkGroups(rt.clients.athena)) {
    counts.workgroups += 1;
    let candidates: QueryExecution[];
    try {
      candidates = await recentFinishedQueries(rt.clients.athena, rt.log, workgroup, windowStart, settledBefore);
    } catch (error) {
      counts.failures += 1;
      rt.log("error", "sweep could not list queries of workgroup", { workgroup, ...describeError(error) });
      continue;
    }
    candidates = candidates.filter((execution) => !handled.has(execution.QueryExecutionId ?? ""));
    counts.examined += candidates.length;

    // undefined = already logged; otherwise the execution still needs a record.
    const unlogged = await mapLimited(candidates, HEAD_CONCURRENCY, async (execution) => {
      const id = execution.QueryExecutionId ?? "";
      const submitted = execution.Status?.SubmissionDateTime ?? new Date(now);
      const key = recordKey(rt.config.queryLogPrefix, id, submitted);
      return (await recordExists(rt.clients.s3, rt.config.queryLogBucket, key)) ? undefined : execution;
    }).catch((error: unknown) => {
      counts.failures += 1;
      rt.log("error", "sweep could not check records of workgroup", { workgroup, ...describeError(error) });
      return [];
    });

    for (const execution of unlogged) {
      if (!execution) {
        counts.alreadyLogged += 1;
        continue;
      }
      if (timeIsUp()) return finish(rt, counts);
      const queryExecutionId = execution.QueryExecutionId ?? "";
      rt.log("info", "sweep found a query without a record", { queryExecutionId, workgroup });
      if (await attempt(queryExecutionId, execution, { workgroup })) counts.processed += 1;
    }
  }
  return finish(rt, counts);
}

/** Step 1 of the sweep. Returns false when time ran out. */
async function retryPendingAlerts(
  rt: Runtime,
  counts: { pendingAlerts: number; failures: number },
  handled: Set<string>,
  timeIsUp: () => boolean,
  attempt: (id: string, execution: undefined, fields: Record<string, unknown>) => Promise<{ outcome: string } | undefined>,
): Promise<boolean> {
  const { dynamodb } = rt.clients;
  const table = rt.config.idempotencyTable;
  let due: string[];
  try {
    due = await expiredClaims(dynamodb, table, rt.now(), MAX_PENDING_ALERTS_PER_RUN);
  } catch (error) {
    counts.failures += 1;
    rt.log("error", "sweep could not read the pending alerts", { table, ...describeError(error) });
    return true;
  }
  for (const queryExecutionId of due) {
    if (timeIsUp()) return false;
    handled.add(queryExecutionId);
    counts.pendingAlerts += 1;
    rt.log("info", "sweep found an alert still pending after its lease; trying again", { queryExecutionId });
    const result = await attempt(queryExecutionId, undefined, { pendingAlert: true });
    if (result?.outcome !== "logged" && result?.outcome !== "unknown-query") continue;
    // Nothing will post it: the threshold was raised since, or Athena no longer knows the query.
    try {
      await dropExpiredClaim(dynamodb, table, queryExecutionId, rt.now());
      rt.log("info", "dropped a pending alert that no longer applies", { queryExecutionId, outcome: result.outcome });
    } catch (error) {
      counts.failures += 1;
      rt.log("error", "sweep could not drop a pending alert that no longer applies", { queryExecutionId, ...describeError(error) });
    }
  }
  return true;
}

function finish(rt: Runtime, counts: SweepResult): SweepResult {
  rt.log("info", "sweep finished", { ...counts });
  if (counts.failures > 0) throw new Error(`sweep finished with ${counts.failures} failure(s); see the error lines above`);
  return counts;
}

/** Lambda entry point for the schedule (`index.sweepHandler`). */
export const sweepHandler: SweepHandler = createSweepHandler();
