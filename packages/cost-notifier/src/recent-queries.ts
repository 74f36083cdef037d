import {
  type AthenaClient,
  BatchGetQueryExecutionCommand,
  ListQueryExecutionsCommand,
  ListWorkGroupsCommand,
  type QueryExecution,
} from "@aws-sdk/client-athena";
import { isFinalState } from "./event.ts";
import type { Logger } from "./log.ts";

/** Athena's batch limit for BatchGetQueryExecution (and the page size of ListQueryExecutions). */
const BATCH_SIZE = 50;
/** Bounds one run on a very busy workgroup (5,000 queries); the next run continues where the window allows. */
const MAX_PAGES_PER_WORKGROUP = 100;

export async function listWorkGroups(athena: AthenaClient): Promise<string[]> {
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
export async function recentFinishedQueries(
  athena: AthenaClient,
  log: Logger,
  workgroup: string,
  windowStart: number,
  settledBefore: number,
): Promise<QueryExecution[]> {
  const found: QueryExecution[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES_PER_WORKGROUP; page += 1) {
    const listed = await athena.send(new ListQueryExecutionsCommand({ WorkGroup: workgroup, MaxResults: BATCH_SIZE, NextToken: nextToken }));
    const ids = listed.QueryExecutionIds ?? [];
    if (ids.length === 0) return found;
    const batch = await athena.send(new BatchGetQueryExecutionCommand({ QueryExecutionIds: ids }));
    if (batch.UnprocessedQueryExecutionIds?.length) {
      log("warn", "Athena could not describe some queries; the next sweep retries them", {
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
  log("warn", "sweep stopped paging a busy workgroup; older queries in the window were not checked", { workgroup });
  return found;
}

/** `Promise.all` with at most `limit` calls in flight, preserving order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
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
