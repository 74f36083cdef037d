import type { TableInput } from "../declarations/table.ts";
import { tableLocation } from "../declarations/table.ts";
import type { QueryRecord } from "./notifier-package.ts";

/**
 * The Athena query log as a Baikal table contract: one JSON line per finished query, written by the cost
 * notifier to `s3://<curated bucket>/platform/athena_query_log/dt=<yyyy-MM-dd>/<query id>.json`. The platform
 * keeps its own tables under its own prefix and Glue database, laid out exactly like a domain's.
 */
export const PLATFORM_DATABASE = "platform";

export const QUERY_LOG_TABLE = {
  name: "athena_query_log",
  description:
    "One row per finished Athena query in this account: who ran it, what it scanned and what it cost. " +
    "Written by the Athena cost monitor; ask the platform team.",
  zone: "curated",
  format: "jsonl",
  columns: [
    { name: "schema_version", type: "int", description: "Version of the record layout; bumped when a field changes meaning.", required: true },
    { name: "query_execution_id", type: "string", description: "Athena's id of the query.", required: true },
    { name: "workgroup", type: "string", description: "Workgroup the query ran in." },
    { name: "state", type: "string", description: "Final state: SUCCEEDED, FAILED or CANCELLED.", required: true },
    { name: "statement_type", type: "string", description: "DDL, DML or UTILITY." },
    { name: "catalog_name", type: "string", description: "Data catalog of the query's context, usually AwsDataCatalog." },
    { name: "database_name", type: "string", description: "Database of the query's context." },
    { name: "bytes_scanned", type: "bigint", description: "Bytes Athena reports as scanned.", required: true },
    { name: "billed_bytes", type: "bigint", description: "Bytes billed: scanned bytes rounded up to a MB, at least 10 MB; 0 when not billed.", required: true },
    { name: "cost_usd", type: "double", description: "Estimated cost in USD: billed bytes / 2^40 * price per TB.", required: true },
    { name: "price_per_terabyte_usd", type: "double", description: "Price per TB (2^40 bytes) scanned used for cost_usd.", required: true },
    { name: "statistics_missing", type: "boolean", description: "Athena returned no scan statistics; cost_usd is then 0 and unreliable.", required: true },
    { name: "engine_execution_time_ms", type: "bigint", description: "Time the engine spent running the query, in milliseconds." },
    { name: "queue_time_ms", type: "bigint", description: "Time the query waited in the queue, in milliseconds." },
    { name: "total_execution_time_ms", type: "bigint", description: "Time from submission to completion, in milliseconds." },
    { name: "submitted_at", type: "string", description: "Submission time, ISO 8601 in UTC; from_iso8601_timestamp(submitted_at) to compute with it." },
    { name: "completed_at", type: "string", description: "Completion time, ISO 8601 in UTC." },
    { name: "query_text", type: "string", description: "The SQL with string literals redacted, truncated to a bounded size." },
    { name: "query_text_truncated", type: "boolean", description: "query_text was cut to fit.", required: true },
    {
      name: "caller",
      type: "struct<arn:string,type:string,principalid:string,accountid:string,displayname:string>",
      description: "Who started the query, from CloudTrail's StartQueryExecution event; null when CloudTrail had no match yet.",
    },
    { name: "error_message", type: "string", description: "Why the query failed; null unless state is FAILED." },
    { name: "logged_at", type: "string", description: "When the record was written, ISO 8601 in UTC.", required: true },
  ],
  partitionKeys: [
    {
      name: "dt",
      description: "Day the query was submitted (UTC), yyyy-MM-dd.",
      projection: { type: "date", format: "yyyy-MM-dd", range: ["2026-01-01", "NOW"] },
    },
  ],
} satisfies TableInput;

/**
 * The JSON key of each column. Columns are snake_case like every Baikal table; the OpenX JSON SerDe finds the
 * camelCase keys through `mapping.<column>` SerDe parameters (matched case-insensitively). Typed against
 * `QueryRecord`, so a field renamed in the Lambda package fails to compile here; a test checks that every
 * column has a key and every record field a column.
 */
export const QUERY_LOG_JSON_KEYS = {
  schema_version: "schemaVersion",
  query_execution_id: "queryExecutionId",
  workgroup: "workgroup",
  state: "state",
  statement_type: "statementType",
  catalog_name: "catalog",
  database_name: "database",
  bytes_scanned: "bytesScanned",
  billed_bytes: "billedBytes",
  cost_usd: "costUsd",
  price_per_terabyte_usd: "pricePerTerabyteUsd",
  statistics_missing: "statisticsMissing",
  engine_execution_time_ms: "engineExecutionTimeMs",
  queue_time_ms: "queueTimeMs",
  total_execution_time_ms: "totalExecutionTimeMs",
  submitted_at: "submittedAt",
  completed_at: "completedAt",
  query_text: "queryText",
  query_text_truncated: "queryTextTruncated",
  caller: "caller",
  error_message: "errorMessage",
  logged_at: "loggedAt",
} as const satisfies Record<string, keyof QueryRecord>;

/** `mapping.<column>` SerDe parameters for the columns whose name is not their JSON key in lower case. */
export function queryLogKeyMappings(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(QUERY_LOG_JSON_KEYS)
      .filter(([column, key]) => column !== key.toLowerCase())
      .map(([column, key]) => [`mapping.${column}`, key]),
  );
}

/** `platform/athena_query_log`: the notifier's QUERY_LOG_PREFIX (no slashes at either end), under the curated bucket. */
export function queryLogPrefix(): string {
  return `${PLATFORM_DATABASE}/${tableLocation(QUERY_LOG_TABLE)}`.replace(/\/+$/, "");
}
