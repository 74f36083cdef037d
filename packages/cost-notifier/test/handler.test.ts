import { GetQueryExecutionCommand } from "@aws-sdk/client-athena";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { createHandler } from "../src/handler.ts";
import { athenaEvent, ENV, execution, NOW, recordKeyFor, startQueryTrailEvent, TIB } from "./support/fixtures.ts";
import { useHandlerHarness } from "./support/handler-harness.ts";

const { aws, slack, setup } = useHandlerHarness();

describe("handler", () => {
  it("prices the query, writes its record and alerts Slack when it costs more than the threshold", async () => {
    aws.state.executions.set("q-1", execution({ id: "q-1", bytes: 2 * TIB }));
    aws.state.trail = [startQueryTrailEvent("q-other", "arn:aws:iam::1:user/bob"), startQueryTrailEvent("q-1")];
    const { handler } = setup();

    expect(await handler(athenaEvent("q-1"))).toEqual({ outcome: "alerted", queryExecutionId: "q-1" });

    const put = aws.s3.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(put).toMatchObject({
      Bucket: "acme-lake",
      Key: recordKeyFor("q-1"),
      ServerSideEncryption: "aws:kms",
      SSEKMSKeyId: ENV.QUERY_LOG_KMS_KEY_ID,
      ContentType: "application/json",
    });
    expect(aws.record(recordKeyFor("q-1"))).toEqual({
      schemaVersion: 1,
      queryExecutionId: "q-1",
      workgroup: "analytics",
      state: "SUCCEEDED",
      statementType: "DML",
      catalog: "AwsDataCatalog",
      database: "web",
      bytesScanned: 2 * TIB,
      billedBytes: 2 * TIB,
      costUsd: 10,
      pricePerTerabyteUsd: 5,
      statisticsMissing: false,
      engineExecutionTimeMs: 93_000,
      queueTimeMs: 1_500,
      totalExecutionTimeMs: 95_000,
      submittedAt: "2025-06-01T11:50:00.000Z",
      completedAt: "2025-06-01T11:51:35.000Z",
      queryText: "SELECT * FROM web.events WHERE email = '?'",
      queryTextTruncated: false,
      caller: {
        arn: "arn:aws:sts::111111111111:assumed-role/Analyst/jane",
        type: "AssumedRole",
        principalId: "AROAEXAMPLE:jane",
        accountId: "111111111111",
        displayName: "Analyst/jane",
      },
      errorMessage: null,
      loggedAt: NOW.toISOString(),
    });

    expect(slack.requests).toHaveLength(1);
    const posted = JSON.stringify(slack.requests[0]?.json);
    expect(posted).toContain("Analyst/jane");
    expect(posted).toContain("$10.00");
    expect(posted).not.toContain("jane@example.com");
    expect(aws.claim("q-1")).toEqual({
      pk: "alert#q-1",
      status: "posted",
      queryExecutionId: "q-1",
      costUsd: 10,
      attempts: 1,
      claimedAt: NOW.toISOString(),
      postedAt: NOW.toISOString(),
      expiresAt: NOW.getTime() / 1000 + 30 * 24 * 3600,
    });
  });

  it("searches CloudTrail for StartQueryExecution around the submission time", async () => {
    aws.state.executions.set("q-1", execution({ id: "q-1", bytes: 100 }));
    await setup().handler(athenaEvent("q-1"));
    expect(aws.cloudTrail.calls()[0]?.args[0].input).toMatchObject({
      LookupAttributes: [{ AttributeKey: "EventName", AttributeValue: "StartQueryExecution" }],
      StartTime: new Date("2025-06-01T11:45:00.000Z"),
      EndTime: new Date("2025-06-01T11:55:00.000Z"),
    });
  });

  it("does not alert for a query that costs exactly the threshold", async () => {
    aws.state.executions.set("q-1", execution({ id: "q-1", bytes: TIB })); // exactly $5.00
    const { handler } = setup({ env: { ...ENV, ALERT_THRESHOLD_USD: "5" } });
    expect(await handler(athenaEvent("q-1"))).toMatchObject({ outcome: "logged" });
    expect(aws.record(recordKeyFor("q-1")).costUsd).toBe(5);
    expect(slack.requests).toHaveLength(0);
  });

  it("uses the per-workgroup threshold override", async () => {
    aws.state.executions.set("q-etl", execution({ id: "q-etl", workgroup: "etl", bytes: 3 * TIB })); // $15 < $20
    aws.state.executions.set("q-big", execution({ id: "q-big", workgroup: "etl", bytes: 5 * TIB })); // $25 > $20
    const { handler } = setup();
    expect(await handler(athenaEvent("q-etl", "SUCCEEDED", "etl"))).toMatchObject({ outcome: "logged" });
    expect(await handler(athenaEvent("q-big", "SUCCEEDED", "etl"))).toMatchObject({ outcome: "alerted" });
    expect(slack.requests).toHaveLength(1);
  });

  it("records a null caller when CloudTrail has not caught up yet", async () => {
    aws.state.executions.set("q-1", execution({ id: "q-1", bytes: 2 * TIB }));
    await setup().handler(athenaEvent("q-1"));
    expect(aws.record(recordKeyFor("q-1")).caller).toBeNull();
    expect(JSON.stringify(slack.requests[0]?.json)).toContain("unknown (not in CloudTrail yet)");
  });

  it("handles a CloudTrail error by recording a null caller", async () => {
    aws.state.executions.set("q-1", execution({ id: "q-1", bytes: 100 }));
    aws.cloudTrail.rejects(Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" }));
    const { handler, logs } = setup();
    expect(await handler(athenaEvent("q-1"))).toMatchObject({ outcome: "logged" });
    expect(aws.record(recordKeyFor("q-1")).caller).toBeNull();
    expect(logs).toContainEqual(expect.objectContaining({ level: "warn", msg: "CloudTrail lookup failed; recording caller as null" }));
  });

  it("handles duplicate delivery: same S3 key, one alert", async () => {
    aws.state.executions.set("q-1", execution({ id: "q-1", bytes: 2 * TIB }));
    const { handler, logs } = setup();
    expect(await handler(athenaEvent("q-1"))).toMatchObject({ outcome: "alerted" });
    expect(await handler(athenaEvent("q-1"))).toMatchObject({ outcome: "already-alerted" });

    const keys = aws.s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input.Key);
    expect(keys).toEqual([recordKeyFor("q-1"), recordKeyFor("q-1")]);
    expect(aws.state.objects.size).toBe(1);
    expect(slack.requests).toHaveLength(1);
    expect(logs).toContainEqual(expect.objectContaining({ msg: "alert already sent for this query; skipped" }));
  });

  it("handles missing statistics: 0 bytes, flagged, no alert", async () => {
    aws.state.executions.set("q-1", execution({ id: "q-1", bytes: null }));
    expect(await setup().handler(athenaEvent("q-1"))).toMatchObject({ outcome: "logged" });
    expect(aws.record(recordKeyFor("q-1"))).toMatchObject({
      bytesScanned: 0,
      billedBytes: 0,
      costUsd: 0,
      statisticsMissing: true,
      engineExecutionTimeMs: null,
      queueTimeMs: null,
    });
  });

  it("handles DDL statements as free", async () => {
    aws.state.executions.set("q-ddl", execution({ id: "q-ddl", statementType: "DDL", bytes: 5 * TIB, query: "CREATE TABLE t LOCATION 's3://x/'" }));
    expect(await setup().handler(athenaEvent("q-ddl"))).toMatchObject({ outcome: "logged" });
    expect(aws.record(recordKeyFor("q-ddl"))).toMatchObject({ statementType: "DDL", costUsd: 0, queryText: "CREATE TABLE t LOCATION '?'" });
    expect(slack.requests).toHaveLength(0);
  });

  it("handles FAILED queries: priced by scanned bytes, with the error message", async () => {
    aws.state.executions.set("q-f", execution({ id: "q-f", state: "FAILED", bytes: 2 * TIB, reason: "HIVE_BAD_DATA: bad row" }));
    expect(await setup().handler(athenaEvent("q-f", "FAILED"))).toMatchObject({ outcome: "alerted" });
    expect(aws.record(recordKeyFor("q-f"))).toMatchObject({ state: "FAILED", costUsd: 10, errorMessage: "HIVE_BAD_DATA: bad row" });
  });

  it("handles FAILED queries that scanned nothing as free", async () => {
    aws.state.executions.set("q-f", execution({ id: "q-f", state: "FAILED", bytes: 0, reason: "SYNTAX_ERROR" }));
    await setup().handler(athenaEvent("q-f", "FAILED"));
    expect(aws.record(recordKeyFor("q-f"))).toMatchObject({ costUsd: 0, billedBytes: 0, errorMessage: "SYNTAX_ERROR" });
  });

  it("handles CANCELLED queries: billed for what they scanned, no error message", async () => {
    aws.state.executions.set("q-c", execution({ id: "q-c", state: "CANCELLED", bytes: 3 * TIB, reason: "Query cancelled by user" }));
    expect(await setup().handler(athenaEvent("q-c", "CANCELLED"))).toMatchObject({ outcome: "alerted" });
    expect(aws.record(recordKeyFor("q-c"))).toMatchObject({ state: "CANCELLED", costUsd: 15, errorMessage: null });
  });

  it("truncates long query text to 4 KiB and flags it", async () => {
    const query = `SELECT ${"some_column, ".repeat(500)}1`;
    aws.state.executions.set("q-1", execution({ id: "q-1", bytes: 100, query }));
    await setup().handler(athenaEvent("q-1"));
    const record = aws.record(recordKeyFor("q-1"));
    expect(record.queryTextTruncated).toBe(true);
    expect((record.queryText as string).length).toBe(4096);
  });

  it("ignores RUNNING and QUEUED events without calling Athena", async () => {
    const { handler } = setup();
    expect(await handler(athenaEvent("q-1", "RUNNING"))).toEqual({ outcome: "ignored", queryExecutionId: "q-1" });
    expect(await handler(athenaEvent("q-1", "QUEUED"))).toEqual({ outcome: "ignored", queryExecutionId: "q-1" });
    expect(aws.athena.calls()).toHaveLength(0);
  });

  it("handles a malformed event by logging an error and returning", async () => {
    const { handler, logs } = setup();
    expect(await handler({ source: "aws.athena", "detail-type": "Athena Query State Change" })).toEqual({ outcome: "malformed" });
    expect(await handler({ ...athenaEvent("x"), detail: { currentState: "SUCCEEDED" } })).toEqual({ outcome: "malformed" });
    expect(await handler(null)).toEqual({ outcome: "malformed" });
    expect(logs.filter((line) => line.level === "error").map((line) => line.fields.reason)).toEqual([
      "event has no detail object",
      "detail.queryExecutionId is missing",
      "event is not an object",
    ]);
    expect(aws.athena.calls()).toHaveLength(0);
  });

  it("handles an unknown query id (InvalidRequestException) by logging and returning", async () => {
    const { handler, logs } = setup();
    expect(await handler(athenaEvent("q-gone"))).toEqual({ outcome: "unknown-query", queryExecutionId: "q-gone" });
    expect(logs).toContainEqual(
      expect.objectContaining({ level: "error", msg: "unknown query id; dropped", fields: expect.objectContaining({ errorName: "InvalidRequestException" }) }),
    );
    expect(aws.state.objects.size).toBe(0);
  });

  it("fails when Athena itself fails, so the event is retried", async () => {
    aws.athena.on(GetQueryExecutionCommand).rejects(Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException" }));
    await expect(setup().handler(athenaEvent("q-1"))).rejects.toThrow("Rate exceeded");
  });

  it("fails when configuration is invalid, naming the variable, on invocation rather than import", async () => {
    const handler = createHandler({ env: { ...ENV, QUERY_LOG_BUCKET: "" } });
    await expect(handler(athenaEvent("q-1"))).rejects.toThrow("QUERY_LOG_BUCKET is required but not set");
  });

  it("writes one JSON log line per decision without secrets", async () => {
    aws.state.executions.set("q-1", execution({ id: "q-1", bytes: 2 * TIB }));
    const { handler, logs } = setup();
    await handler(athenaEvent("q-1"));
    expect(logs.map((line) => line.msg)).toEqual(["Athena query finished", "caller not found in CloudTrail yet", "query priced and logged", "slack alert sent"]);
    expect(JSON.stringify(logs)).not.toContain(slack.url);
    expect(logs[2]?.fields).toMatchObject({ queryExecutionId: "q-1", costUsd: 10, alert: true, thresholdUsd: 1 });
  });
});
