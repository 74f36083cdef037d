import { type Deadline, invocationDeadline, type LambdaContext } from "./deadline.ts";
import { parseAthenaEvent } from "./event.ts";
import { type ProcessOutcome, processQuery } from "./process-query.ts";
import { defaultRuntime, lazyRuntime, type Runtime, type RuntimeOptions } from "./runtime.ts";

export interface HandlerResult {
  readonly outcome: ProcessOutcome | "ignored" | "malformed";
  readonly queryExecutionId?: string;
}

/** Lambda passes its context second; without one (a local run) the handler assumes Lambda's longest timeout. */
export type EventHandler = (event: unknown, context?: LambdaContext) => Promise<HandlerResult>;

/** Builds the EventBridge handler; tests pass seams, the Lambda uses the shared default runtime. */
export function createHandler(options?: RuntimeOptions): EventHandler {
  const runtime = options ? lazyRuntime(options) : defaultRuntime;
  return async (event, context) => handleEvent(event, runtime(), invocationDeadline(context));
}

export async function handleEvent(event: unknown, rt: Runtime, deadline: Deadline = invocationDeadline(undefined)): Promise<HandlerResult> {
  const parsed = parseAthenaEvent(event);
  if (parsed.kind === "malformed") {
    // Returning (not throwing) keeps a bad event from being retried over and over.
    rt.log("error", "malformed Athena event; dropped", { reason: parsed.reason });
    return { outcome: "malformed" };
  }
  if (parsed.kind === "ignored") {
    rt.log("debug", "event ignored", { reason: parsed.reason, queryExecutionId: parsed.queryExecutionId });
    return { outcome: "ignored", queryExecutionId: parsed.queryExecutionId };
  }
  rt.log("info", "Athena query finished", {
    queryExecutionId: parsed.queryExecutionId,
    state: parsed.state,
    workgroup: parsed.workgroup,
  });
  const result = await processQuery(rt, parsed.queryExecutionId, deadline);
  return { outcome: result.outcome, queryExecutionId: result.queryExecutionId };
}

/** Lambda entry point for the `Athena Query State Change` rule (`index.handler`). */
export const handler: EventHandler = createHandler();
