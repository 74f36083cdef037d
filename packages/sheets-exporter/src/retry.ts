export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryOptions {
  readonly sleep: Sleep;
  /** @default 6 */
  readonly maxAttempts?: number;
  /** First back-off; doubled on each retry. @default 1000 */
  readonly baseDelayMs?: number;
  /** Caps back-off and Retry-After, so every retry fits in the function's time. @default 64000 (Google's suggested maximum) */
  readonly maxDelayMs?: number;
  /** A number in [0, 1) for the jitter; injected so tests know the delays. @default Math.random */
  readonly random?: () => number;
  readonly now?: () => number;
}

export const RETRY_DEFAULTS = { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 64_000 } as const;

/** What a failed attempt tells the retry loop: the HTTP status, if any, and the server's Retry-After. */
export interface Attempted {
  readonly status: number | undefined;
  readonly retryAfter: string | null | undefined;
}

/** 429 (quota) and 5xx are worth another try; network failures too. Other 4xx are our own mistake. */
export const isRetryable = (status: number | undefined) => status === undefined || status === 429 || status >= 500;

/** `Retry-After` as delta-seconds or an HTTP date, in ms; anything else is ignored. */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | undefined {
  if (header === null || header === undefined || header.trim() === "") return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

export class RetriesExhausted extends Error {
  override readonly name = "RetriesExhausted";
  constructor(
    message: string,
    readonly attempts: number,
    readonly delaysMs: readonly number[],
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

/**
 * Calls `attempt` until it succeeds, retrying what `classify` calls retryable: after the server's Retry-After when it
 * sends one, otherwise truncated exponential back-off with jitter (Google's advice for 429 and 5xx). Gives up after
 * `maxAttempts` with the last error as the cause.
 */
export async function withRetries<T>(what: string, attempt: () => Promise<T>, classify: (error: unknown) => Attempted, options: RetryOptions): Promise<{ value: T; attempts: number; delaysMs: number[] }> {
  const maxAttempts = options.maxAttempts ?? RETRY_DEFAULTS.maxAttempts;
  const base = options.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs;
  const max = options.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const delaysMs: number[] = [];
  for (let n = 1; ; n += 1) {
    try {
      return { value: await attempt(), attempts: n, delaysMs };
    } catch (error) {
      const { status, retryAfter } = classify(error);
      if (!isRetryable(status)) throw error;
      if (n >= maxAttempts) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new RetriesExhausted(`${what} failed ${n} times${status ? ` (last: HTTP ${status})` : ""}: ${reason}`, n, delaysMs, error);
      }
      const backoff = Math.min(max, base * 2 ** (n - 1)) * (0.5 + random() / 2);
      const delay = Math.min(max, parseRetryAfter(retryAfter, now()) ?? backoff);
      delaysMs.push(Math.round(delay));
      await options.sleep(delay);
    }
  }
}
