/** The part of Lambda's context object the handlers use. */
export interface LambdaContext {
  getRemainingTimeInMillis(): number;
}

/** Lambda's longest timeout: the budget assumed when a handler is called without a context (a local run). */
export const DEFAULT_BUDGET_MS = 15 * 60_000;

/**
 * Kept back from a Slack post for what must follow it: marking the claim posted, or releasing it after a failed
 * post so a retry can take over at once rather than when the lease runs out.
 */
export const CLAIM_WRITE_RESERVE_MS = 5_000;

/**
 * When the invocation ends, on the process clock: Lambda stops the function then, whatever it is doing. Posts
 * give up before it, so the invocation can still release its claim and fail cleanly.
 */
export interface Deadline {
  /** Epoch milliseconds on the process clock. */
  readonly atMs: number;
  remainingMs(): number;
}

export function invocationDeadline(context: LambdaContext | undefined, clock: () => number = Date.now): Deadline {
  const atMs = clock() + (context?.getRemainingTimeInMillis() ?? DEFAULT_BUDGET_MS);
  return { atMs, remainingMs: () => atMs - clock() };
}
