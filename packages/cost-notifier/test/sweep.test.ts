import { BatchGetQueryExecutionCommand, ListQueryExecutionsCommand } from "@aws-sdk/client-athena";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHandler } from "../src/handler.ts";
import { createSweepHandler } from "../src/sweep.ts";
import { mockAws } from "./support/aws.ts";
import { athenaEvent, execution, NOW, recordKeyFor, testRuntime, TIB } from "./support/fixtures.ts";
import { type SlackServer, startSlackServer } from "./support/slack-server.ts";

const aws = mockAws();
let slack: SlackServer;

beforeAll(async () => {
  slack = await startSlackServer();
});
afterAll(() => slack.close());
beforeEach(() => {
  aws.reset();
  slack.reset();
  aws.state.secret = slack.url;
});

const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

/** Registers executions in a workgroup, newest first (the order ListQueryExecutions uses). */
function workgroup(name: string, ...executions: ReturnType<typeof execution>[]) {
  for (const e of executions) aws.state.executions.set(e.QueryExecutionId ?? "", e);
  aws.state.workgroups.set(name, executions.map((e) => e.QueryExecutionId ?? ""));
}

function putsFor() {
  return aws.s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input.Key);
}

describe("sweepHandler", () => {
  it("finds a query whose event never arrived and processes it like the event path", async () => {
    workgroup("analytics", execution({ id: "q-missed", bytes: 2 * TIB, submittedAt: minutesAgo(30) }));
    const { options } = testRuntime();
    const result = await createSweepHandler(options)();

    expect(result).toEqual({ workgroups: 1, examined: 1, alreadyLogged: 0, processed: 1, pendingAlerts: 0, failures: 0 });
    expect(aws.record(recordKeyFor("q-missed"))).toMatchObject({ queryExecutionId: "q-missed", costUsd: 10 });
    expect(slack.requests).toHaveLength(1);
    // The batch answer is reused: no extra GetQueryExecution per query.
    expect(aws.athena.calls().map((call) => call.args[0].constructor.name)).not.toContain("GetQueryExecutionCommand");
  });

  it("skips queries already logged, unfinished, just finished, or older than the look-back window", async () => {
    workgroup(
      "analytics",
      execution({ id: "q-just-finished", submittedAt: minutesAgo(3), durationMs: 90_000 }),
      execution({ id: "q-running", state: "RUNNING", submittedAt: minutesAgo(20) }),
      execution({ id: "q-logged", submittedAt: minutesAgo(40) }),
      execution({ id: "q-missed", bytes: 100, submittedAt: minutesAgo(60) }),
      execution({ id: "q-old", submittedAt: minutesAgo(200) }),
    );
    aws.state.objects.set(recordKeyFor("q-logged"), { Bucket: "acme-lake", Key: recordKeyFor("q-logged"), Body: "{}" });
    const { options } = testRuntime();

    const result = await createSweepHandler(options)();
    expect(result).toEqual({ workgroups: 1, examined: 2, alreadyLogged: 1, processed: 1, pendingAlerts: 0, failures: 0 });
    expect(putsFor()).toEqual([recordKeyFor("q-missed")]);
  });

  it("pages through workgroups and stops listing once queries are older than the window", async () => {
    const recent = Array.from({ length: 60 }, (_, i) => execution({ id: `q-${i}`, bytes: 100, submittedAt: minutesAgo(10 + i) }));
    const old = Array.from({ length: 60 }, (_, i) => execution({ id: `q-old-${i}`, submittedAt: minutesAgo(100 + i) }));
    workgroup("busy", ...recent, ...old);
    workgroup("quiet");
    const { options } = testRuntime();

    const result = await createSweepHandler(options)();
    expect(result).toMatchObject({ workgroups: 2, examined: 60, processed: 60 });
    const listed = aws.athena.commandCalls(ListQueryExecutionsCommand).map((call) => call.args[0].input.WorkGroup);
    expect(listed).toEqual(["busy", "busy", "quiet"]);
    const batches = aws.athena.commandCalls(BatchGetQueryExecutionCommand).map((call) => call.args[0].input.QueryExecutionIds?.length);
    expect(batches).toEqual([50, 50]);
  });

  it("is idempotent with the event path: no second record write, no second alert", async () => {
    workgroup("analytics", execution({ id: "q-1", bytes: 2 * TIB, submittedAt: minutesAgo(30) }));
    const { options } = testRuntime();
    await createHandler(options)(athenaEvent("q-1"));
    const result = await createSweepHandler(options)();

    expect(result).toMatchObject({ alreadyLogged: 1, processed: 0 });
    expect(putsFor()).toEqual([recordKeyFor("q-1")]);
    expect(slack.requests).toHaveLength(1);
  });

  it("fails when a query cannot be processed, after processing the others", async () => {
    workgroup(
      "analytics",
      execution({ id: "q-expensive", bytes: 2 * TIB, submittedAt: minutesAgo(20) }),
      execution({ id: "q-cheap", bytes: 100, submittedAt: minutesAgo(25) }),
    );
    slack.respondAlways({ status: 500 });
    const { options, logs } = testRuntime();

    await expect(createSweepHandler(options)()).rejects.toThrow("sweep finished with 1 failure(s)");
    expect(putsFor()).toEqual([recordKeyFor("q-expensive"), recordKeyFor("q-cheap")]);
    expect(logs).toContainEqual(expect.objectContaining({ level: "error", msg: "sweep could not process query" }));
  });

  it("fails when HeadObject is denied instead of treating the record as missing", async () => {
    workgroup("analytics", execution({ id: "q-1", submittedAt: minutesAgo(20) }));
    aws.s3.rejects(Object.assign(new Error("Forbidden"), { name: "Forbidden", $metadata: { httpStatusCode: 403 } }));
    const { options, logs } = testRuntime();

    await expect(createSweepHandler(options)()).rejects.toThrow("sweep finished with 1 failure(s)");
    expect(logs).toContainEqual(
      expect.objectContaining({ fields: expect.objectContaining({ errorMessage: expect.stringContaining("the role needs s3:ListBucket") }) }),
    );
  });
});
