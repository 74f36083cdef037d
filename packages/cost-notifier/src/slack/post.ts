import type { SlackMessage } from "./message.ts";

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface PostOptions {
  readonly fetch?: typeof fetch;
  /** Injected so tests assert the backoff instead of waiting for it. */
  readonly sleep?: Sleep;
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
  /** Caps both backoff and `Retry-After`, so retries fit in the Lambda timeout; the Lambda retry takes over after. */
  readonly maxDelayMs?: number;
  readonly timeoutMs?: number;
  /**
   * Epoch milliseconds (process clock) by which the post must have given up: no attempt runs past it and no
   * backoff sleeps into it, so the caller still has time to release its claim before Lambda stops it.
   */
  readonly deadlineMs?: number;
  /** @default Date.now */
  readonly clock?: () => number;
}

export const POST_DEFAULTS = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000, timeoutMs: 10_000 } as const;

/** Never carries the webhook URL: it is a credential and this message ends up in logs. */
export class SlackPostError extends Error {
  override readonly name = "SlackPostError";
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly attempts: number,
  ) {
    super(message);
  }

  /** Slack's answer for a revoked or deleted webhook: the cached URL is stale. */
  get webhookGone(): boolean {
    return this.status === 403 || this.status === 404 || this.status === 410;
  }
}

/** Every message a failed post carries, built here so tests import them. */
export const slackPostMessages = {
  rejected: (problem: string) => `Slack rejected the alert: ${problem}`,
  exhausted: (attempts: number, problem: string) => `Slack post failed after ${attempts} attempts: ${problem}`,
  outOfTime: (attempts: number, problem: string) =>
    attempts === 0
      ? "Slack post not attempted: no time left before the invocation's deadline"
      : `Slack post stopped after ${attempts} attempt(s) to leave time before the invocation's deadline: ${problem}`,
};

export interface PostResult {
  readonly attempts: number;
  readonly delaysMs: readonly number[];
}

/** Posts with retries on 429, 5xx and network errors; other 4xx are permanent (bad payload, revoked hook). */
export async function postToSlack(url: string, message: SlackMessage, options: PostOptions = {}): Promise<PostResult> {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? realSleep;
  const maxAttempts = options.maxAttempts ?? POST_DEFAULTS.maxAttempts;
  const baseDelayMs = options.baseDelayMs ?? POST_DEFAULTS.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? POST_DEFAULTS.maxDelayMs;
  const timeoutMs = options.timeoutMs ?? POST_DEFAULTS.timeoutMs;
  const clock = options.clock ?? Date.now;
  const deadlineMs = options.deadlineMs ?? Number.POSITIVE_INFINITY;
  const body = JSON.stringify(message);
  const delaysMs: number[] = [];
  let lastProblem = "";
  let lastStatus: number | undefined;

  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const budgetMs = Math.min(timeoutMs, deadlineMs - clock());
    if (budgetMs <= 0) throw new SlackPostError(slackPostMessages.outOfTime(attempt - 1, lastProblem), lastStatus, attempt - 1);
    let retryAfterMs: number | undefined;
    try {
      const response = await doFetch(url, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8" },
        body,
        signal: AbortSignal.timeout(budgetMs),
      });
      // Always read the body: it frees the socket, and Slack explains errors there ("invalid_blocks", "no_service").
      const text = (await response.text()).slice(0, 200);
      if (response.ok) return { attempts: attempt, delaysMs };
      lastStatus = response.status;
      lastProblem = `HTTP ${response.status} ${text}`.trim();
      if (response.status !== 429 && response.status < 500) {
        throw new SlackPostError(slackPostMessages.rejected(lastProblem), response.status, attempt);
      }
      retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), Date.now());
    } catch (error) {
      if (error instanceof SlackPostError) throw error;
      lastStatus = undefined;
      lastProblem = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    if (attempt < maxAttempts) {
      const delay = Math.min(retryAfterMs ?? baseDelayMs * 2 ** (attempt - 1), maxDelayMs);
      if (clock() + delay >= deadlineMs) throw new SlackPostError(slackPostMessages.outOfTime(attempt, lastProblem), lastStatus, attempt);
      delaysMs.push(delay);
      await sleep(delay);
    }
  }
  throw new SlackPostError(slackPostMessages.exhausted(maxAttempts, lastProblem), lastStatus, maxAttempts);
}

/** `Retry-After` is delta-seconds (what Slack sends) or an HTTP date; anything else falls back to backoff. */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
