import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseRetryAfter, POST_DEFAULTS, postToSlack, SlackPostError, slackPostMessages } from "../src/slack/post.ts";
import { type SlackServer, startSlackServer } from "./support/slack-server.ts";

const message = { text: "Athena query cost $12.50", blocks: [{ type: "section", text: { type: "mrkdwn", text: "hi" } }] };

describe("postToSlack", () => {
  let slack: SlackServer;
  let sleeps: number[];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
  };

  beforeAll(async () => {
    slack = await startSlackServer();
  });
  afterAll(() => slack.close());
  beforeEach(() => {
    slack.reset();
    sleeps = [];
  });

  it("posts the Block Kit JSON once when Slack answers 200", async () => {
    const result = await postToSlack(slack.url, message, { sleep });
    expect(result.attempts).toBe(1);
    expect(slack.requests).toHaveLength(1);
    expect(slack.requests[0]?.method).toBe("POST");
    expect(slack.requests[0]?.headers["content-type"]).toContain("application/json");
    expect(slack.requests[0]?.json).toEqual(message);
  });

  it("handles a Slack outage by retrying 5xx with exponential backoff", async () => {
    slack.respond({ status: 500 }, { status: 503 });
    const result = await postToSlack(slack.url, message, { sleep });
    expect(result.attempts).toBe(3);
    expect(sleeps).toEqual([1000, 2000]);
    expect(slack.requests).toHaveLength(3);
  });

  it("handles 429 by waiting the Retry-After seconds", async () => {
    slack.respond({ status: 429, retryAfter: "7", body: "rate_limited" });
    await postToSlack(slack.url, message, { sleep });
    expect(sleeps).toEqual([7000]);
    expect(slack.requests).toHaveLength(2);
  });

  it("fails when Slack keeps answering 5xx, after 4 attempts", async () => {
    slack.respondAlways({ status: 502, body: "bad gateway" });
    const failure = postToSlack(slack.url, message, { sleep });
    await expect(failure).rejects.toThrow("Slack post failed after 4 attempts: HTTP 502 bad gateway");
    expect(sleeps).toEqual([1000, 2000, 4000]);
    expect(slack.requests).toHaveLength(4);
  });

  it("fails when Slack rejects the payload, without retrying", async () => {
    slack.respond({ status: 400, body: "invalid_blocks" });
    const error = await postToSlack(slack.url, message, { sleep }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackPostError);
    expect((error as SlackPostError).message).toBe("Slack rejected the alert: HTTP 400 invalid_blocks");
    expect(slack.requests).toHaveLength(1);
  });

  it("fails when the webhook is gone, marking it stale and not leaking the URL", async () => {
    slack.respond({ status: 404, body: "no_service" });
    const error = (await postToSlack(slack.url, message, { sleep }).catch((e: unknown) => e)) as SlackPostError;
    expect(error.webhookGone).toBe(true);
    expect(error.message).not.toContain("127.0.0.1");
  });

  it("caps a huge Retry-After at maxDelayMs", async () => {
    slack.respond({ status: 429, retryAfter: "3600" });
    await postToSlack(slack.url, message, { sleep, maxDelayMs: 30_000 });
    expect(sleeps).toEqual([30_000]);
  });

  it("handles connection errors like 5xx", async () => {
    const closed = await startSlackServer();
    const url = closed.url;
    await closed.close();
    await expect(postToSlack(url, message, { sleep, maxAttempts: 2 })).rejects.toThrow("Slack post failed after 2 attempts: TypeError: fetch failed");
    expect(sleeps).toEqual([1000]);
  });
});

describe("postToSlack before a deadline", () => {
  let slack: SlackServer;
  beforeAll(async () => {
    slack = await startSlackServer();
  });
  afterAll(() => slack.close());
  beforeEach(() => slack.reset());
  const noSleep = async () => undefined;

  it("fails rather than sleep past the deadline before a retry", async () => {
    slack.respondAlways({ status: 503, body: "down" });
    const sleeps: number[] = [];
    let now = 0;
    const error = (await postToSlack(slack.url, message, {
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
      clock: () => now,
      deadlineMs: 1_500,
    }).catch((e: unknown) => e)) as SlackPostError;
    // 1 s backoff fits, then the 2 s one would not.
    expect(error.message).toBe("Slack post stopped after 2 attempt(s) to leave time before the invocation's deadline: HTTP 503 down");
    expect(sleeps).toEqual([1000]);
    expect(slack.requests).toHaveLength(2);
  });

  it("fails without calling Slack when the deadline has passed", async () => {
    const error = (await postToSlack(slack.url, message, { sleep: noSleep, deadlineMs: Date.now() - 1 }).catch((e: unknown) => e)) as SlackPostError;
    expect(error.message).toBe("Slack post not attempted: no time left before the invocation's deadline");
    expect(slack.requests).toHaveLength(0);
  });

  it("fails when Slack does not answer before the deadline, aborting the request instead of waiting its full timeout", async () => {
    slack.respondAlways({ hang: true });
    const started = Date.now();
    const error = (await postToSlack(slack.url, message, { sleep: noSleep, deadlineMs: started + 200 }).catch((e: unknown) => e)) as SlackPostError;
    expect(error).toBeInstanceOf(SlackPostError);
    expect(error.message).toBe(slackPostMessages.outOfTime(1, "TimeoutError: The operation was aborted due to timeout"));
    expect(error.message).toBe(
      "Slack post stopped after 1 attempt(s) to leave time before the invocation's deadline: TimeoutError: The operation was aborted due to timeout",
    );
    // Gave up at the deadline, not after the 10 s per-attempt timeout.
    expect(Date.now() - started).toBeLessThan(POST_DEFAULTS.timeoutMs);
    await slack.waitForRequests(1);
  });
});

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP dates", () => {
    expect(parseRetryAfter("30", 0)).toBe(30_000);
    expect(parseRetryAfter("Thu, 01 Jan 1970 00:00:10 GMT", 4_000)).toBe(6_000);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter("soon", 0)).toBeUndefined();
  });
});
