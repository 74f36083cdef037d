import { runQuery } from "./athena/query-result.ts";
import type { ScheduledEvent } from "./contract.ts";
import { failureMessage, googleFailureReason, publishFailure } from "./failure.ts";
import { classifyGoogleError, googleErrorText, sheetsClient } from "./google/sheets-api.ts";
import { readServiceAccountKey } from "./google/service-account.ts";
import { withRetries, RetriesExhausted } from "./retry.ts";
import { lazyRuntime, type Runtime, type RuntimeOptions } from "./runtime.ts";
import { toRows } from "./sheets/cells.ts";
import { type Call, replaceTab, type ReplaceReport } from "./sheets/replace-tab.ts";

export interface ExportResult extends ReplaceReport {
  readonly outcome: "written";
  /** Data rows written (the header not counted). */
  readonly rows: number;
  readonly queryExecutionId: string;
}

export type ExportHandler = (event?: ScheduledEvent) => Promise<ExportResult>;

/** Google refused the call, after every retry: what, and Google's own words. */
export class GoogleCallFailed extends Error {
  override readonly name = "GoogleCallFailed";
}

/** Leaves room in Lambda's 15 minutes for paging the result and writing it. */
const QUERY_TIMEOUT_MS = 10 * 60_000;

/**
 * One run: read the service account's key (first, so a missing key costs no query), run the view in the domain's
 * workgroup, turn the result into rows while checking Google's per-cell limit, and replace the tab. Any failure is
 * published to the domain's failure topic and thrown, so the invocation counts as failed too.
 */
export async function runExport(event: ScheduledEvent | undefined, rt: Runtime): Promise<ExportResult> {
  const { config, clients, log } = rt;
  log("info", "export started", { exportId: config.exportId, scheduledTime: event?.scheduled_time });
  try {
    const key = await readServiceAccountKey(clients.secrets, config.serviceAccountSecretId);
    const result = await runQuery(clients.athena, { query: config.query, database: config.database, workgroup: config.workgroup, sleep: rt.sleep, timeoutMs: QUERY_TIMEOUT_MS, now: rt.now });
    const rows = toRows(result);
    const api = sheetsClient(key, config.googleEndpointOverride);
    const call: Call = async (what, fn) => {
      try {
        return (await withRetries(what, fn, classifyGoogleError, { sleep: rt.sleep, random: rt.random, now: rt.now })).value;
      } catch (error) {
        const last = error instanceof RetriesExhausted ? error.cause : error;
        const prefix = error instanceof RetriesExhausted ? `${error.attempts} attempts, last: ` : "";
        throw new GoogleCallFailed(googleFailureReason(what, prefix + googleErrorText(last), classifyGoogleError(last).status, key.clientEmail));
      }
    };
    const report = await replaceTab({ api, call, spreadsheetId: config.spreadsheetId, sheet: config.sheet, rows, columnCount: result.columns.length, random: rt.random });
    log("info", "tab replaced", { exportId: config.exportId, rows: result.rows.length, queryExecutionId: result.queryExecutionId, ...report });
    return { outcome: "written", rows: result.rows.length, queryExecutionId: result.queryExecutionId, ...report };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    log("error", "export failed", { exportId: config.exportId, reason });
    try {
      await publishFailure(clients.sns, config, reason);
    } catch (publishError) {
      // The invocation still fails below, so Lambda's metrics and logs show it even when SNS does not.
      log("error", "the failure could not be published", { exportId: config.exportId, error: String(publishError), message: failureMessage(config, reason).message });
    }
    throw error;
  }
}

/** Builds the handler; tests pass seams, the Lambda uses process.env and real clients. */
export function createHandler(options?: RuntimeOptions): ExportHandler {
  const runtime = lazyRuntime(options);
  return async (event) => runExport(event, runtime());
}

/** Lambda entry point (`index.handler`), invoked by EventBridge Scheduler. */
export const handler: ExportHandler = createHandler();
