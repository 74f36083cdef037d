import {
  type AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import type { Sleep } from "../retry.ts";

export interface ResultColumn {
  readonly name: string;
  /** Athena's type name: varchar, bigint, double, decimal, boolean, date, timestamp, ... */
  readonly type: string;
}

export interface QueryResult {
  readonly queryExecutionId: string;
  readonly columns: readonly ResultColumn[];
  /** Every row, each value as Athena returns it (text), null for SQL NULL. */
  readonly rows: readonly (readonly (string | null)[])[];
}

export class QueryFailed extends Error {
  override readonly name = "QueryFailed";
}

/** GetQueryResults' largest page. */
const PAGE_SIZE = 1000;
/** Polls start fast for small views and settle at a few seconds for long ones. */
const POLL_DELAYS_MS = [500, 1000, 2000, 3000, 5000];

export interface RunQueryOptions {
  readonly query: string;
  readonly database: string;
  readonly workgroup: string;
  readonly sleep: Sleep;
  /** Stop waiting (and cancel the query) after this long. */
  readonly timeoutMs: number;
  readonly now?: () => number;
}

/**
 * Runs the query in the domain's workgroup (whose settings fix the result location, its encryption and the scan
 * limit), waits for it, and reads every page of the result. The first row Athena returns for a SELECT is the header;
 * the column names come from the result's metadata instead.
 */
export async function runQuery(athena: AthenaClient, options: RunQueryOptions): Promise<QueryResult> {
  const now = options.now ?? Date.now;
  const started = await athena.send(
    new StartQueryExecutionCommand({ QueryString: options.query, WorkGroup: options.workgroup, QueryExecutionContext: { Database: options.database } }),
  );
  const id = started.QueryExecutionId!;
  const deadline = now() + options.timeoutMs;
  for (let poll = 0; ; poll += 1) {
    const { QueryExecution: execution } = await athena.send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
    const state = execution?.Status?.State;
    if (state === "SUCCEEDED") break;
    if (state === "FAILED" || state === "CANCELLED") {
      throw new QueryFailed(`query ${id} ${state.toLowerCase()}: ${execution?.Status?.StateChangeReason ?? "no reason given"}`);
    }
    if (now() > deadline) {
      await athena.send(new StopQueryExecutionCommand({ QueryExecutionId: id }));
      throw new QueryFailed(`query ${id} was still ${state ?? "starting"} after ${Math.round(options.timeoutMs / 1000)} s; it was cancelled`);
    }
    await options.sleep(POLL_DELAYS_MS[Math.min(poll, POLL_DELAYS_MS.length - 1)]!);
  }

  let columns: ResultColumn[] = [];
  const rows: (string | null)[][] = [];
  let nextToken: string | undefined;
  let first = true;
  do {
    const page = await athena.send(new GetQueryResultsCommand({ QueryExecutionId: id, MaxResults: PAGE_SIZE, NextToken: nextToken }));
    if (first) columns = (page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((c) => ({ name: c.Name ?? c.Label ?? "", type: c.Type ?? "varchar" }));
    const data = page.ResultSet?.Rows ?? [];
    for (const [index, row] of data.entries()) {
      if (first && index === 0) continue;
      // Athena leaves VarCharValue out for NULL.
      rows.push(columns.map((_, i) => row.Data?.[i]?.VarCharValue ?? null));
    }
    first = false;
    nextToken = page.NextToken;
  } while (nextToken);
  return { queryExecutionId: id, columns, rows };
}
