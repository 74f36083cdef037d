import { UpdateItemCommand, type UpdateItemCommandInput } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { LEASE_MARGIN_MS } from "../src/claims.ts";
import { CLAIM_WRITE_RESERVE_MS } from "../src/deadline.ts";
import { slackPostMessages } from "../src/slack/post.ts";
import { athenaEvent, execution, lambdaContext, NOW, recordKeyFor, TIB } from "./support/fixtures.ts";
import { useHandlerHarness } from "./support/handler-harness.ts";

const { aws, slack, setup } = useHandlerHarness();

const MINUTE = 60_000;
/** A function with this much time left may post for 500 ms before it must stop to release its claim. */
const SHORT_BUDGET_MS = CLAIM_WRITE_RESERVE_MS + 500;
const TIMED_OUT = slackPostMessages.outOfTime(1, "TimeoutError: The operation was aborted due to timeout");

/** An expensive query ($10) in workgroup analytics, finished 10 minutes before NOW, with no record yet. */
function expensiveQuery(id = "q-1") {
  aws.state.executions.set(id, execution({ id, bytes: 2 * TIB, submittedAt: new Date(NOW.getTime() - 12 * MINUTE) }));
  aws.state.workgroups.set("analytics", [...(aws.state.workgroups.get("analytics") ?? []), id]);
}

/** After the claim is taken, every other claim write fails, as when DynamoDB throttles or the function is frozen. */
function failClaimWritesAfterTheFirst() {
  let writes = 0;
  aws.dynamodb.on(UpdateItemCommand).callsFake((input: UpdateItemCommandInput) => {
    writes += 1;
    if (writes > 1) throw Object.assign(new Error("Rate of requests exceeds the allowed throughput"), { name: "ThrottlingException" });
    return aws.state.claims.update(input);
  });
  return { restore: () => aws.dynamodb.on(UpdateItemCommand).callsFake((input: UpdateItemCommandInput) => aws.state.claims.update(input)) };
}

describe("no alert lost: Slack down while the sweep finds the query", () => {
  it("keeps the claim pending, fails the run, and posts once from a later sweep, even after the look-back window", async () => {
    expensiveQuery();
    slack.respondAlways({ status: 500 });
    const { sweep, clock, logs } = setup();

    await expect(sweep()).rejects.toThrow("sweep finished with 1 failure(s); see the error lines above");
    expect(aws.record(recordKeyFor("q-1")).costUsd).toBe(10);
    expect(aws.claim("q-1")).toMatchObject({ status: "pending", leaseExpiresAt: NOW.getTime(), attempts: 1 });
    expect(slack.accepted).toHaveLength(0);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: "error", msg: "alert not sent; released the claim and rethrowing for the Lambda retry" }),
    );

    // Slack stays down for three hours: the record exists and the query left the 90-minute window long ago.
    clock.advance(180 * MINUTE);
    slack.reset();
    expect(await sweep()).toMatchObject({ pendingAlerts: 1, processed: 0, failures: 0 });
    expect(slack.accepted).toHaveLength(1);
    expect(JSON.stringify(slack.accepted[0]!.json)).toContain("$10.00");
    expect(aws.claim("q-1")).toMatchObject({ status: "posted", attempts: 2 });
    expect(aws.claim("q-1")).not.toHaveProperty("leaseExpiresAt");

    clock.advance(15 * MINUTE);
    expect(await sweep()).toMatchObject({ pendingAlerts: 0, failures: 0 });
    expect(slack.accepted).toHaveLength(1);
  });
});

describe("no alert lost: the function runs out of time mid-post", () => {
  it("stops waiting for a Slack that never answers, releases the claim and fails; the Lambda retry posts once", async () => {
    expensiveQuery();
    slack.respondAlways({ hang: true });
    const { handler } = setup();

    await expect(handler(athenaEvent("q-1"), lambdaContext(SHORT_BUDGET_MS))).rejects.toThrow(TIMED_OUT);
    expect(aws.claim("q-1")).toMatchObject({ status: "pending", leaseExpiresAt: NOW.getTime() });
    expect(slack.accepted).toHaveLength(0);

    await slack.waitForRequests(1);
    slack.reset();
    expect(await handler(athenaEvent("q-1"), lambdaContext(180_000))).toEqual({ outcome: "alerted", queryExecutionId: "q-1" });
    expect(slack.accepted).toHaveLength(1);
    expect(aws.claim("q-1")).toMatchObject({ status: "posted", attempts: 2 });
  });

  it("posts again when Slack accepted but answered too late: a duplicate, never a loss", async () => {
    expensiveQuery();
    slack.respondAlways({ status: 200, delayMs: 1_000 });
    const { handler } = setup();

    await expect(handler(athenaEvent("q-1"), lambdaContext(SHORT_BUDGET_MS))).rejects.toThrow(TIMED_OUT);
    expect(slack.accepted).toHaveLength(0);
    await slack.waitForAccepted(1);
    slack.respondAlways({ status: 200 });

    expect(await handler(athenaEvent("q-1"), lambdaContext(180_000))).toMatchObject({ outcome: "alerted" });
    expect(slack.accepted).toHaveLength(2);
  });

  it("lets the sweep take over once the lease runs out when the function was stopped before it could release", async () => {
    expensiveQuery();
    slack.respondAlways({ hang: true });
    const failing = failClaimWritesAfterTheFirst();
    const { handler, sweep, clock, logs } = setup();

    await expect(handler(athenaEvent("q-1"), lambdaContext(SHORT_BUDGET_MS))).rejects.toThrow(TIMED_OUT);
    const leaseExpiresAt = aws.claim("q-1")!.leaseExpiresAt as number;
    expect(aws.claim("q-1")).toMatchObject({ status: "pending", attempts: 1 });
    expect(aws.claim("q-1")).toHaveProperty("owner");
    // The lease covers the function's remaining time plus the margin, measured when the claim was taken.
    expect(leaseExpiresAt - NOW.getTime()).toBeGreaterThan(LEASE_MARGIN_MS);
    expect(leaseExpiresAt - NOW.getTime()).toBeLessThanOrEqual(LEASE_MARGIN_MS + SHORT_BUDGET_MS);
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: "error",
        msg: "alert not sent and its claim could not be released; a retry or the sweep takes over when the lease runs out",
      }),
    );
    failing.restore();
    await slack.waitForRequests(1);
    slack.reset();

    // While the lease runs, neither a duplicate delivery nor the sweep posts.
    clock.advance(10_000);
    expect(await handler(athenaEvent("q-1"))).toMatchObject({ outcome: "alert-in-flight" });
    expect(await sweep()).toMatchObject({ pendingAlerts: 0, alreadyLogged: 1 });
    expect(slack.accepted).toHaveLength(0);

    clock.advance(leaseExpiresAt - clock.now().getTime());
    expect(await sweep()).toMatchObject({ pendingAlerts: 1, failures: 0 });
    expect(slack.accepted).toHaveLength(1);
    expect(aws.claim("q-1")).toMatchObject({ status: "posted", attempts: 2 });
  });
});

describe("no alert lost: the claim cannot be updated", () => {
  it("fails when the post and the release both fail, and the sweep posts once the lease runs out instead of 30 days later", async () => {
    expensiveQuery();
    slack.respondAlways({ status: 503 });
    const failing = failClaimWritesAfterTheFirst();
    const { handler, sweep, clock } = setup();

    await expect(handler(athenaEvent("q-1"), lambdaContext(180_000))).rejects.toThrow("Slack post failed after 4 attempts: HTTP 503 error");
    failing.restore();
    await slack.waitForRequests(1);
    slack.reset();
    const leaseExpiresAt = aws.claim("q-1")!.leaseExpiresAt as number;
    expect(leaseExpiresAt - NOW.getTime()).toBeLessThanOrEqual(180_000 + LEASE_MARGIN_MS);

    clock.advance(leaseExpiresAt - NOW.getTime() + MINUTE);
    expect(await sweep()).toMatchObject({ pendingAlerts: 1, failures: 0 });
    expect(slack.accepted).toHaveLength(1);
  });

  it("returns alerted when Slack accepted but the claim could not be marked posted; the sweep posts a duplicate after the lease", async () => {
    expensiveQuery();
    const failing = failClaimWritesAfterTheFirst();
    const { handler, sweep, clock, logs } = setup();

    expect(await handler(athenaEvent("q-1"), lambdaContext(180_000))).toMatchObject({ outcome: "alerted" });
    expect(slack.accepted).toHaveLength(1);
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: "error",
        msg: "slack alert sent but its claim could not be marked posted; the sweep will post it again after the lease",
      }),
    );
    failing.restore();

    clock.advance(180_000 + LEASE_MARGIN_MS);
    expect(await sweep()).toMatchObject({ pendingAlerts: 1 });
    expect(slack.accepted).toHaveLength(2);
    expect(aws.claim("q-1")).toMatchObject({ status: "posted" });
  });
});

describe("claims keep concurrent invocations from posting twice", () => {
  it("posts once when two deliveries of the same event run at the same time", async () => {
    expensiveQuery();
    slack.respondAlways({ status: 200, delayMs: 100 });
    const { handler } = setup();

    const outcomes = await Promise.all([handler(athenaEvent("q-1")), handler(athenaEvent("q-1"))]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["alert-in-flight", "alerted"]);
    expect(slack.accepted).toHaveLength(1);
    expect(aws.claim("q-1")).toMatchObject({ status: "posted", attempts: 1 });
  });

  it("skips an alert already posted, also when its marker was written before claims had a status", async () => {
    expensiveQuery("q-old");
    aws.state.claims.items.set("alert#q-old", { pk: { S: "alert#q-old" }, expiresAt: { N: "1751371200" }, queryExecutionId: { S: "q-old" } });
    const { handler } = setup();
    expect(await handler(athenaEvent("q-old"))).toMatchObject({ outcome: "already-alerted" });
    expect(slack.requests).toHaveLength(0);
  });
});

describe("the sweep and pending alerts that no longer apply", () => {
  it("drops a pending claim whose query no longer costs more than the threshold", async () => {
    aws.state.executions.set("q-cheap", execution({ id: "q-cheap", bytes: 100 }));
    aws.state.claims.items.set("alert#q-cheap", {
      pk: { S: "alert#q-cheap" },
      status: { S: "pending" },
      leaseExpiresAt: { N: String(NOW.getTime() - MINUTE) },
      queryExecutionId: { S: "q-cheap" },
    });
    const { sweep, logs } = setup();
    expect(await sweep()).toMatchObject({ pendingAlerts: 1, failures: 0 });
    expect(aws.claim("q-cheap")).toBeUndefined();
    expect(slack.requests).toHaveLength(0);
    expect(logs).toContainEqual(expect.objectContaining({ msg: "dropped a pending alert that no longer applies", fields: { queryExecutionId: "q-cheap", outcome: "logged" } }));
  });

  it("starts nothing when too little time is left, and leaves the pending alert to the next run", async () => {
    expensiveQuery();
    aws.state.claims.items.set("alert#q-1", {
      pk: { S: "alert#q-1" },
      status: { S: "pending" },
      leaseExpiresAt: { N: String(NOW.getTime() - MINUTE) },
      queryExecutionId: { S: "q-1" },
    });
    const { sweep, logs } = setup();
    expect(await sweep(undefined, lambdaContext(10_000))).toMatchObject({ pendingAlerts: 0, failures: 0 });
    expect(logs).toContainEqual(expect.objectContaining({ level: "warn", msg: "sweep stopped early to finish before its deadline; the next run continues" }));
    expect(aws.claim("q-1")).toMatchObject({ status: "pending" });
    expect(slack.requests).toHaveLength(0);
  });
});
