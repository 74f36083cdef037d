import { afterEach, describe, expect, it, vi } from "vitest";
import { athenaEvent, ENV, execution, NOW, recordKeyFor, SECRET_ID, TIB } from "./support/fixtures.ts";
import { useHandlerHarness } from "./support/handler-harness.ts";

const { aws, slack, setup } = useHandlerHarness();

describe("handler with Slack trouble", () => {
  it("handles a Slack outage: 5xx then success", async () => {
    aws.state.executions.set("q-1", execution({ id: "q-1", bytes: 2 * TIB }));
    slack.respond({ status: 500 }, { status: 503 });
    const { handler, sleeps } = setup();
    expect(await handler(athenaEvent("q-1"))).toMatchObject({ outcome: "alerted" });
    expect(slack.requests).toHaveLength(3);
    expect(sleeps).toEqual([1000, 2000]);
  });

  it("handles 429 by honouring Retry-After", async () => {
    aws.state.executions.set("q-1", execution({ id: "q-1", bytes: 2 * TIB }));
    slack.respond({ status: 429, retryAfter: "3" });
    const { handler, sleeps } = setup();
    expect(await handler(athenaEvent("q-1"))).toMatchObject({ outcome: "alerted" });
    expect(sleeps).toEqual([3000]);
  });

  it("fails when Slack stays down, after writing the record and releasing the claim", async () => {
    aws.state.executions.set("q-1", execution({ id: "q-1", bytes: 2 * TIB }));
    slack.respondAlways({ status: 500 });
    const { handler } = setup();
    await expect(handler(athenaEvent("q-1"))).rejects.toThrow("Slack post failed after 4 attempts: HTTP 500 error");
    expect(aws.record(recordKeyFor("q-1")).costUsd).toBe(10);
    // Still pending, its lease ended now and nobody owns it: the retry may take over at once.
    expect(aws.claim("q-1")).toMatchObject({ status: "pending", leaseExpiresAt: NOW.getTime(), attempts: 1 });
    expect(aws.claim("q-1")).not.toHaveProperty("owner");

    // The Lambda retry alerts once Slack is back.
    slack.reset();
    expect(await handler(athenaEvent("q-1"))).toMatchObject({ outcome: "alerted" });
    expect(slack.requests).toHaveLength(1);
  });

  it("handles a webhook secret that is not set yet: warns, keeps the record, does not throw", async () => {
    aws.state.executions.set("q-1", execution({ id: "q-1", bytes: 2 * TIB }));
    aws.state.secret = undefined;
    const { handler, logs } = setup();
    expect(await handler(athenaEvent("q-1"))).toMatchObject({ outcome: "webhook-missing" });
    expect(aws.state.objects.has(recordKeyFor("q-1"))).toBe(true);
    // The claim is dropped: until the URL is set, expensive queries are logged, not queued for Slack.
    expect(aws.state.claims.items.size).toBe(0);
    const warning = logs.find((line) => line.level === "warn");
    expect(warning?.msg).toMatch(
      new RegExp(`^slack webhook secret ${SECRET_ID} has no value yet; set it with aws secretsmanager put-secret-value --secret-id ${SECRET_ID}`),
    );
    expect(warning?.fields).toMatchObject({ reason: "the secret has no AWSCURRENT version" });
  });

  it("handles an http webhook in production mode as not set", async () => {
    aws.state.executions.set("q-1", execution({ id: "q-1", bytes: 2 * TIB }));
    const { handler } = setup({ allowLoopbackHttp: false });
    expect(await handler(athenaEvent("q-1"))).toMatchObject({ outcome: "webhook-missing" });
    expect(slack.requests).toHaveLength(0);
  });
});

describe("exported handler", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it("reads process.env on first invocation and logs JSON lines to stdout", async () => {
    for (const [name, value] of Object.entries(ENV)) vi.stubEnv(name, value);
    const stdout = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const { handler } = await import("../src/index.ts");

    expect(await handler({ source: "aws.athena", "detail-type": "Athena Query State Change", detail: {} })).toEqual({ outcome: "malformed" });
    expect(stdout.mock.calls.map(([line]) => JSON.parse(String(line)) as unknown)).toEqual([
      { level: "error", msg: "malformed Athena event; dropped", reason: "detail.queryExecutionId is missing" },
    ]);
  });
});
