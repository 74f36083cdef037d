import {
  type AthenaClient,
  BatchGetQueryExecutionCommand,
  ListQueryExecutionsCommand,
  ListWorkGroupsCommand,
  type QueryExecution,
} from "@aws-sdk/client-athena";
import { isFinalState } from "./event.ts";
import { describeError } from "./log.ts";
import { processQuery } from "./process-query.ts";
import { recordExists, recordKey } from "./query-log.ts";
import { defaultRuntime, lazyRuntime, type Runtime, type RuntimeOptions } from "./runtime.ts";

/** Athena's batch limit for BatchGetQueryExecution (and the page size of ListQueryExecutions). */
const BATCH_SIZE = 50;
/** Queries that finished this recently are most likely being handled by their event right now; next run gets them. */
export const SWEEP_SETTLE_MS = 2 * 60_000;
/** Bounds one run on a very busy workgroup (5,000 queries); the next run continues where the window allows. */
const MAX_PAGES_PER_WORKGROUP = 100;
const HEAD_CONCURRENCY = 10;

export interface SweepResult {
  readonly workgroups: number;
  readonly examined: number;
  readonly alreadyLogged: number;
  readonly processed: number;
  readonly failures: number;
}

export type SweepHandler = () => Promise<SweepResult>;

export function createSweepHandler(options?: RuntimeOptions): SweepHandler {
  const runtime = options ? lazyRuntime(options) : defaultRuntime;
  return async () => sweep(runtime());
}

/**
 * Catches queries whose EventBridge event never arrived ("events are emitted on a best effort basis"):
 * every finished query of the look-back window without a record goes through the same `processQuery`.
 * Idempotent with the event path by the deterministic S3 key and the DynamoDB alert marker.
 */
export async function sweep(rt: Runtime): Promise<SweepResult> {
  const { athena, s3 } = rt.clients;
  const now = rt.now().getTime();
  const windowStart = now - rt.config.sweepLookbackMinutes * 60_000;
  const settledBefore = now - SWEEP_SETTLE_MS;
  const counts = { workgroups: 0, examined: 0, alreadyLogged: 0, processed: 0, failures: 0 };

  for (const workgroup of await listWorkGroups(athena)) {
    counts.workgroups += 1;
    let candidates: QueryExecution[];
    try {
      candidates = await recentFinishedQueries(rt, workgroup, windowStart, settledBefore);
    } catch (error) {
      counts.failures += 1;
      rt.log("error", "sweep could not list queries of workgroup", { workgroup, ...describeError(error) });
      continue;
    }
    counts.examined += candidates.length;

    // undefined = already logged; otherwise the execution still needs a record.
    const unlogged = await mapLimited(candidates, HEAD_CONCURRENCY, async (execution) => {
      const id = execution.QueryExecutionId ?? "";
      const submitted = execution.Status?.SubmissionDateTime ?? new Date(now);
      return (await recordExists(s3, rt.config.queryLogBucket, recordKey(rt.config.queryLogPrefix, id, submitted))) ? undefined : execution;
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
      const queryExecutionId = execution.QueryExecutionId ?? "";
      rt.log("info", "sweep found a query without a record", { queryExecutionId, workgroup });
      try {
        await processQuery(rt, queryExecutionId, execution);
        counts.processed += 1;
      } catch (error) {
        // One bad query (e.g. Slack down) must not hide the others; the run still fails at the end.
        counts.failures += 1;
        rt.log("error", "sweep could not process query", { queryExecutionId, workgroup, ...describeError(error) });
      }
    }
  }

  rt.log("info", "sweep finished", counts);
  if (counts.failures > 0) throw new Error(`sweep finished with ${counts.failures} failure(s); see the error lines above`);
  return counts;
}

async function listWorkGroups(athena: AthenaClient): Promise<string[]> {
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await athena.send(new ListWorkGroupsCommand({ MaxResults: 50, NextToken: nextToken }));
    for (const workgroup of page.WorkGroups ?? []) if (workgroup.Name) names.push(workgroup.Name);
    nextToken = page.NextToken;
  } while (nextToken);
  return names;
}

/**
 * Finished queries submitted inside the window and finished before `settledBefore`. ListQueryExecutions returns
 * newest first, so paging stops at the first page that reaches past the window.
 */
async function recentFinishedQueries(rt: Runtime, workgroup: string, windowStart: number, settledBefore: number): Promise<QueryExecution[]> {
  const athena = rt.clients.athena;
  const found: QueryExecution[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES_PER_WORKGROUP; page += 1) {
    const listed = await athena.send(new ListQueryExecutionsCommand({ WorkGroup: workgroup, MaxResults: BATCH_SIZE, NextToken: nextToken }));
    const ids = listed.QueryExecutionIds ?? [];
    if (ids.length === 0) return found;
    const batch = await athena.send(new BatchGetQueryExecutionCommand({ QueryExecutionIds: ids }));
    if (batch.UnprocessedQueryExecutionIds?.length) {
      rt.log("warn", "Athena could not describe some queries; the next sweep retries them", {
        workgroup,
        unprocessed: batch.UnprocessedQueryExecutionIds.map((u) => u.QueryExecutionId),
      });
    }
    let reachedWindowStart = false;
    for (const execution of batch.QueryExecutions ?? []) {
      const submitted = execution.Status?.SubmissionDateTime?.getTime();
      if (submitted === undefined || submitted < windowStart) {
        reachedWindowStart = true;
        continue;
      }
      const completed = execution.Status?.CompletionDateTime?.getTime() ?? 0;
      if (isFinalState(execution.Status?.State) && completed <= settledBefore && execution.QueryExecutionId) found.push(execution);
    }
    nextToken = listed.NextToken;
    if (reachedWindowStart || !nextToken) return found;
  }
  rt.log("warn", "sweep stopped paging a busy workgroup; older queries in the window were not checked", { workgroup });
  return found;
}

/** `Promise.all` with at most `limit` calls in flight, preserving order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Lambda entry point for the schedule (`index.sweepHandler`). */
export const sweepHandler: SweepHandler = createSweepHandler();
