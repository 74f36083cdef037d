import type { QueryExecution } from "@aws-sdk/client-athena";
import type { Caller } from "./caller.ts";
import { priceQuery } from "./pricing.ts";
import { prepareQueryText } from "./query-text.ts";

/** Bump when a field changes meaning, so the lake table can tell old records from new ones. */
export const RECORD_SCHEMA_VERSION = 1;

/** One priced query, as written to the lake (one JSON object per S3 object). */
export interface QueryRecord {
  readonly schemaVersion: number;
  readonly queryExecutionId: string;
  readonly workgroup: string | null;
  readonly state: string;
  readonly statementType: string | null;
  readonly catalog: string | null;
  readonly database: string | null;
  readonly bytesScanned: number;
  readonly billedBytes: number;
  readonly costUsd: number;
  readonly pricePerTerabyteUsd: number;
  readonly statisticsMissing: boolean;
  readonly engineExecutionTimeMs: number | null;
  readonly queueTimeMs: number | null;
  readonly totalExecutionTimeMs: number | null;
  readonly submittedAt: string | null;
  readonly completedAt: string | null;
  readonly queryText: string | null;
  readonly queryTextTruncated: boolean;
  readonly caller: Caller | null;
  readonly errorMessage: string | null;
  readonly loggedAt: string;
}

export function buildRecord(
  execution: QueryExecution,
  caller: Caller | null,
  pricePerTerabyteUsd: number,
  now: Date,
): QueryRecord {
  const state = execution.Status?.State ?? "UNKNOWN";
  const statistics = execution.Statistics;
  const price = priceQuery(
    { state, statementType: execution.StatementType, dataScannedInBytes: statistics?.DataScannedInBytes },
    pricePerTerabyteUsd,
  );
  return {
    schemaVersion: RECORD_SCHEMA_VERSION,
    queryExecutionId: execution.QueryExecutionId ?? "",
    workgroup: execution.WorkGroup ?? null,
    state,
    statementType: execution.StatementType ?? null,
    catalog: execution.QueryExecutionContext?.Catalog ?? null,
    database: execution.QueryExecutionContext?.Database ?? null,
    bytesScanned: price.bytesScanned,
    billedBytes: price.billedBytes,
    costUsd: price.costUsd,
    pricePerTerabyteUsd,
    statisticsMissing: price.statisticsMissing,
    engineExecutionTimeMs: statistics?.EngineExecutionTimeInMillis ?? null,
    queueTimeMs: statistics?.QueryQueueTimeInMillis ?? null,
    totalExecutionTimeMs: statistics?.TotalExecutionTimeInMillis ?? null,
    submittedAt: isoOrNull(execution.Status?.SubmissionDateTime),
    completedAt: isoOrNull(execution.Status?.CompletionDateTime),
    ...prepareQueryText(execution.Query),
    caller,
    // Only failures carry a reason; a cancelled query's "reason" is just who cancelled it.
    errorMessage: state === "FAILED" ? (execution.Status?.StateChangeReason ?? execution.Status?.AthenaError?.ErrorMessage ?? null) : null,
    loggedAt: now.toISOString(),
  };
}

function isoOrNull(date: Date | undefined): string | null {
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}
