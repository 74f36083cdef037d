import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { type DomainDeclaration, domainSchema, type DomainInput } from "../declarations/domain.ts";
import type { Domain } from "../loading/project.ts";
import { PLATFORM_DATABASE, QUERY_LOG_TABLE } from "./query-log-table.ts";

const day = { name: "dt", type: "string", description: "Day the queries were submitted (UTC), yyyy-MM-dd." } as const;
const queryCount = { name: "query_count", type: "bigint", description: "Finished queries." } as const;
const bytesScanned = { name: "bytes_scanned", type: "bigint", description: "Bytes scanned." } as const;
const costUsd = { name: "cost_usd", type: "double", description: "Estimated cost in USD." } as const;

/**
 * The platform's own part of the catalog: the Athena query log and the cost report views over it (their SQL
 * is in ./views). Declared exactly like a domain so the same checks prove the views match the log, and the
 * same constructs synthesize them, in the platform stack. QuickSight and Redash show these views.
 */
const COST_REPORT: DomainInput = {
  name: PLATFORM_DATABASE,
  description: "The data platform's own tables, such as the Athena query log. Owned by the platform team.",
  owners: ["@baikal/platform"],
  tables: [QUERY_LOG_TABLE],
  views: [
    {
      name: "cost_per_day",
      description: "Athena queries, bytes scanned and estimated cost per day and workgroup.",
      columns: [
        day,
        { name: "workgroup", type: "string", description: "Workgroup the queries ran in." },
        queryCount,
        bytesScanned,
        costUsd,
      ],
    },
    {
      name: "cost_per_caller",
      description: "Athena queries and estimated cost per day and caller (IAM principal from CloudTrail).",
      columns: [
        day,
        { name: "caller_arn", type: "string", description: "ARN of the caller; 'unknown' until CloudTrail has the event." },
        queryCount,
        bytesScanned,
        costUsd,
      ],
    },
    {
      name: "most_expensive_queries",
      description: "The 100 most expensive Athena queries of each day, with who ran them and how their SQL starts.",
      columns: [
        day,
        { name: "query_execution_id", type: "string", description: "Athena's id of the query (search it in the console's history)." },
        { name: "workgroup", type: "string", description: "Workgroup." },
        { name: "caller_arn", type: "string", description: "ARN of the caller; null until CloudTrail has the event." },
        costUsd,
        bytesScanned,
        { name: "total_execution_time_ms", type: "bigint", description: "Submission to completion, milliseconds." },
        { name: "query_text_start", type: "string", description: "First 500 characters of the SQL, string literals redacted." },
        { name: "daily_rank", type: "bigint", description: "1 for the day's most expensive query." },
      ],
    },
  ],
};

/** The cost report as declarations (the query log and the views), named `platform`, for grants and the access report. */
export function costReportDeclaration(): DomainDeclaration {
  // Validated under a stand-in name: "platform" is reserved for domains precisely because it is this one.
  return { ...domainSchema.parse({ ...COST_REPORT, name: "cost_report" }), name: PLATFORM_DATABASE };
}

/** The cost report as a Domain whose view files live in this package, for `analyzeViews`. */
export function costReportDomain(root: string): Domain {
  const here = dirname(fileURLToPath(import.meta.url));
  return {
    ...costReportDeclaration(),
    sourceFile: relative(root, join(here, "cost-report.ts")),
    directory: relative(root, here),
  };
}
