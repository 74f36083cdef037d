/** The EventBridge event Athena emits on every state transition (Athena UG "athena-events"). */
export const ATHENA_EVENT_SOURCE = "aws.athena";
export const ATHENA_STATE_CHANGE = "Athena Query State Change";

/** Final states: only these have a bill. RUNNING/QUEUED events are ignored (RUNNING may even go back to QUEUED). */
export const FINAL_STATES = ["SUCCEEDED", "FAILED", "CANCELLED"] as const;
export type FinalState = (typeof FINAL_STATES)[number];

export function isFinalState(state: unknown): state is FinalState {
  return typeof state === "string" && (FINAL_STATES as readonly string[]).includes(state);
}

/** Event pattern for the construct's `aws_cloudwatch_event_rule`, kept next to the parser that relies on it. */
export const EVENT_PATTERN = {
  source: [ATHENA_EVENT_SOURCE],
  "detail-type": [ATHENA_STATE_CHANGE],
  detail: { currentState: [...FINAL_STATES] },
} as const;

export type ParsedEvent =
  | { readonly kind: "final"; readonly queryExecutionId: string; readonly state: FinalState; readonly workgroup: string | undefined }
  | { readonly kind: "ignored"; readonly reason: string; readonly queryExecutionId?: string }
  | { readonly kind: "malformed"; readonly reason: string };

/** Never throws: a bad event must be logged and dropped, not retried into a storm. */
export function parseAthenaEvent(event: unknown): ParsedEvent {
  if (!isObject(event)) return { kind: "malformed", reason: "event is not an object" };
  if (event.source !== ATHENA_EVENT_SOURCE || event["detail-type"] !== ATHENA_STATE_CHANGE) {
    return { kind: "ignored", reason: `not an Athena query state change (source=${String(event.source)})` };
  }
  const detail = event.detail;
  if (!isObject(detail)) return { kind: "malformed", reason: "event has no detail object" };
  const id = detail.queryExecutionId;
  if (typeof id !== "string" || id.trim() === "") return { kind: "malformed", reason: "detail.queryExecutionId is missing" };
  const state = detail.currentState;
  if (!isFinalState(state)) return { kind: "ignored", reason: `state ${String(state)} is not final`, queryExecutionId: id };
  const workgroup = typeof detail.workgroupName === "string" ? detail.workgroupName : undefined;
  return { kind: "final", queryExecutionId: id, state, workgroup };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
