import { GetQueryResultsCommand, StartQueryExecutionCommand } from "@aws-sdk/client-athena";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ENVIRONMENT } from "../src/contract.ts";
import { createHandler } from "../src/handler.ts";
import { keyMissingHint } from "../src/google/service-account.ts";
import { limitMessages } from "../src/sheets/limits.ts";
import { mockAws } from "./support/aws.ts";
import { type GoogleServer, startGoogleServer, testServiceAccount } from "./support/google-server.ts";

const SPREADSHEET = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms";
const account = testServiceAccount();
const aws = mockAws();
let google: GoogleServer;
let slept: number[];

const PIPELINE = {
  columns: [
    { name: "stage", type: "varchar" },
    { name: "opportunity_count", type: "bigint" },
    { name: "amount_jpy", type: "decimal" },
    { name: "won", type: "boolean" },
  ],
  rows: [
    ["prospecting", "12", "3400000", "false"],
    ["=HYPERLINK(\"http://evil\")", "3", "120000.5", "true"],
    ["negotiation", null, "9007199254740993", null],
  ],
};

function handler() {
  const env = {
    [ENVIRONMENT.exportId]: "sales.pipeline_sheet",
    [ENVIRONMENT.query]: 'SELECT "stage", "opportunity_count", "amount_jpy", "won" FROM "sales"."open_pipeline"',
    [ENVIRONMENT.database]: "sales",
    [ENVIRONMENT.workgroup]: "sales",
    [ENVIRONMENT.spreadsheetId]: SPREADSHEET,
    [ENVIRONMENT.sheet]: "Pipeline",
    [ENVIRONMENT.serviceAccountSecretId]: "arn:aws:secretsmanager:eu-west-1:111111111111:secret:acme/sales/google-sheets-service-account-AbCdEf",
    [ENVIRONMENT.failureTopicArn]: "arn:aws:sns:eu-west-1:111111111111:acme-sales-transform-failures",
    [ENVIRONMENT.googleEndpointOverride]: google.origin,
    AWS_REGION: "eu-west-1",
  };
  return createHandler({ env, log: () => {}, sleep: async (ms) => void slept.push(ms), random: () => 0.5 });
}

beforeAll(async () => {
  google = await startGoogleServer(account, SPREADSHEET);
});
afterAll(() => google.close());
beforeEach(() => {
  aws.reset();
  google.reset();
  slept = [];
  aws.state.secret = account.json;
  aws.state.result = PIPELINE;
  google.setTabs([
    { sheetId: 0, title: "Notes", rowCount: 100, columnCount: 10 },
    { sheetId: 7, title: "Pipeline", rowCount: 1000, columnCount: 26, values: [["old", "header"], ["stale", 1], ["stale", 2], ["stale", 3], ["stale", 4]] },
  ]);
});

describe("the Google Sheets export", () => {
  it("replaces the tab with the header and the typed rows in two Sheets API calls, signed in with a verified JWT", async () => {
    const result = await handler()();
    expect(result).toMatchObject({ outcome: "written", rows: 3, mode: "single", calls: 2, sheetId: 7, createdTab: false });
    expect(google.calls("token")).toBe(1);
    expect(google.calls("get")).toBe(1);
    expect(google.calls("batchUpdate")).toBe(1);
    expect(google.assertions[0]).toMatchObject({ iss: account.email, aud: "https://oauth2.googleapis.com/token", scope: "https://www.googleapis.com/auth/spreadsheets" });
    // The grid is exactly the result; the stale rows are gone; the tab keeps its id.
    expect(google.tabs()).toEqual([
      { sheetId: 0, title: "Notes", rowCount: 100, columnCount: 10, hidden: false },
      { sheetId: 7, title: "Pipeline", rowCount: 4, columnCount: 4, hidden: false },
    ]);
    expect(google.values("Pipeline")).toEqual([
      ["stage", "opportunity_count", "amount_jpy", "won"],
      ["prospecting", 12, 3400000, false],
      // Text that looks like a formula stays text; an integer a double would round stays exact, as text.
      ['=HYPERLINK("http://evil")', 3, 120000.5, true],
      ["negotiation", undefined, "9007199254740993", undefined],
    ]);
    expect(aws.athena.commandCalls(StartQueryExecutionCommand)[0]!.args[0].input).toEqual({
      QueryString: 'SELECT "stage", "opportunity_count", "amount_jpy", "won" FROM "sales"."open_pipeline"',
      WorkGroup: "sales",
      QueryExecutionContext: { Database: "sales" },
    });
    expect(aws.published()).toEqual([]);
  });

  it("adds the tab when the spreadsheet has none of that name, in the same atomic call", async () => {
    google.setTabs([{ sheetId: 0, title: "Notes", rowCount: 100, columnCount: 10 }]);
    const result = await handler()();
    expect(result).toMatchObject({ calls: 2, createdTab: true });
    expect(google.tabs().map((t) => [t.title, t.rowCount, t.columnCount])).toEqual([["Notes", 100, 10], ["Pipeline", 4, 4]]);
  });

  it("reads every page of a large result", async () => {
    aws.state.result = { columns: [{ name: "n", type: "integer" }], rows: Array.from({ length: 2500 }, (_, i) => [String(i)]) };
    const result = await handler()();
    expect(result.rows).toBe(2500);
    expect(aws.athena.commandCalls(GetQueryResultsCommand)).toHaveLength(3);
    expect(google.values("Pipeline").at(-1)).toEqual([2499]);
  });

  it("waits as long as Google's Retry-After says after a 429, then writes", async () => {
    google.script("batchUpdate", { status: 429, retryAfter: "7", body: { error: { code: 429, message: "Quota exceeded for quota metric 'Write requests'", status: "RESOURCE_EXHAUSTED" } } });
    const result = await handler()();
    expect(result.calls).toBe(2);
    expect(google.calls("batchUpdate")).toBe(2);
    // Google's calls come after the query's polls, so the last pause is the retry's.
    expect(slept.at(-1)).toBe(7000);
    expect(google.values("Pipeline")[0]).toEqual(["stage", "opportunity_count", "amount_jpy", "won"]);
  });

  it("gives up after a storm of 5xx with exponential back-off, leaves the tab as it was and says so on the failure topic", async () => {
    google.script("batchUpdate", ...Array.from({ length: 6 }, () => ({ status: 503 })));
    await expect(handler()()).rejects.toThrow(/Google Sheets could not replace tab "Pipeline": 6 attempts, last: HTTP 503/);
    expect(google.calls("batchUpdate")).toBe(6);
    // Base 1 s doubling, times the jitter (0.75 with random() = 0.5), capped at 64 s.
    expect(slept.slice(-5)).toEqual([750, 1500, 3000, 6000, 12000]);
    expect(google.values("Pipeline")[1]).toEqual(["stale", 1, ...Array(24).fill(undefined)]);
    const [message] = aws.published();
    expect(message).toMatchObject({ TopicArn: "arn:aws:sns:eu-west-1:111111111111:acme-sales-transform-failures", Subject: "Export sales.pipeline_sheet failed" });
    expect(message!.Message).toContain(`Export sales.pipeline_sheet (Google Sheets tab "Pipeline" of spreadsheet ${SPREADSHEET}) failed; the tab was left as it was.`);
  });

  it("refuses a result over Google's 10 million cells per spreadsheet without writing anything", async () => {
    google.setTabs([
      { sheetId: 0, title: "Archive", rowCount: 999_999, columnCount: 10 },
      { sheetId: 7, title: "Pipeline", rowCount: 10, columnCount: 4, values: [["kept"]] },
    ]);
    await expect(handler()()).rejects.toThrow(limitMessages.cells(10_000_006, "Pipeline", 4, 4, 9_999_990));
    expect(google.calls("batchUpdate")).toBe(0);
    expect(google.values("Pipeline")[0]![0]).toBe("kept");
    expect(aws.published()[0]!.Message).toContain(`SheetLimitExceeded: ${limitMessages.cells(10_000_006, "Pipeline", 4, 4, 9_999_990)}`);
  });

  it("refuses a value over 50,000 characters before signing in to Google", async () => {
    aws.state.result = { columns: [{ name: "note", type: "varchar" }], rows: [["short"], ["x".repeat(50_001)]] };
    await expect(handler()()).rejects.toThrow(limitMessages.characters(2, "note", 50_001));
    expect(google.requests).toEqual([]);
  });

  it("fails with how to set the key while the secret has no value, before running the query", async () => {
    aws.state.secret = undefined;
    const secretId = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:acme/sales/google-sheets-service-account-AbCdEf";
    await expect(handler()()).rejects.toThrow(keyMissingHint(secretId, "the secret has no value yet"));
    expect(aws.athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(0);
    expect(aws.published()[0]!.Message).toContain("put-secret-value");
  });

  it("tells to share the spreadsheet with the service account when Google answers 403", async () => {
    google.script("get", { status: 403, body: { error: { code: 403, message: "The caller does not have permission", status: "PERMISSION_DENIED" } } });
    await expect(handler()()).rejects.toThrow(
      `Google Sheets could not read the spreadsheet's tabs: HTTP 403 PERMISSION_DENIED: The caller does not have permission; share the spreadsheet with ${account.email} as an editor (Share, then add that address), and check the spreadsheet id`,
    );
    expect(google.calls("get")).toBe(1);
  });

  it("reports a failed query with Athena's reason", async () => {
    aws.state.queryState = "FAILED";
    aws.state.reason = "TABLE_NOT_FOUND: line 1:60: Table 'awsdatacatalog.sales.open_pipeline' does not exist";
    await expect(handler()()).rejects.toThrow("query q-1 failed: TABLE_NOT_FOUND");
    expect(google.calls("batchUpdate")).toBe(0);
  });

  it("refuses an endpoint override that is not a loopback address, so a key can only ever go to Google", async () => {
    const bad = createHandler({ env: { [ENVIRONMENT.googleEndpointOverride]: "https://collector.example.com" }, log: () => {} });
    await expect(bad()).rejects.toThrow("GOOGLE_ENDPOINT_OVERRIDE may only name a loopback origin such as http://127.0.0.1:8080 (tests); got \"https://collector.example.com\"");
  });
});
