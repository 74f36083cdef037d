import { describe, expect, it } from "vitest";
import type { DomainInput } from "../src/declarations/domain.ts";
import { awsLimit, limitMessages } from "../src/preflight/limits/aws-limits.ts";
import { cronFieldProblem } from "../src/preflight/limits/schedule-limits.ts";
import { configSource, domainSource, EVENTS_DOMAIN, ORGANISATION, problemsOf, writeProject } from "./support.ts";
import { ORDERS_EXPORT } from "./ingestion-support.ts";

const long = (n: number) => "x".repeat(n);
const problems = (domain: unknown, files: Record<string, string> = {}, organisation = ORGANISATION) =>
  problemsOf(writeProject({ "baikal.config.ts": configSource(organisation), "domains/web/domain.ts": domainSource(domain), ...files }));
const web = EVENTS_DOMAIN as DomainInput & { tables: NonNullable<DomainInput["tables"]> };

describe("AWS's limits on declared values, generated from AWS's service models", () => {
  it("come from the models, each with its source and page", () => {
    expect(awsLimit("glue-column-comment")).toMatchObject({ max: 255, source: "aws/api-models-aws glue/service/2017-03-31/glue-2017-03-31.json com.amazonaws.glue#CommentString" });
    expect(awsLimit("glue-view-text").max).toBe(409600);
    expect(awsLimit("sfn-definition").max).toBe(1048576);
    expect(awsLimit("quicksight-dataset-permissions").max).toBe(64);
    expect(limitMessages.tooLong("glue-column-comment", 300)).toBe(
      "is 300 characters long; a Glue column comment (a column's or partition key's description) holds at most 255 characters (https://docs.aws.amazon.com/glue/latest/webapi/API_Column.html); shorten it",
    );
  });

  it("fails when a column's description is longer than a Glue comment, at the column", async () => {
    const domain = { ...web, tables: [{ ...web.tables[0]!, columns: [{ ...web.tables[0]!.columns![0]!, description: long(256) }, web.tables[0]!.columns![1]!] }] };
    expect(await problems(domain)).toEqual([`domains/web/domain.ts:18:26: tables[0].columns[0].description: ${limitMessages.tooLong("glue-column-comment", 256)}`]);
  });

  it("fails when an ingested table's column or a table's description is too long, at its declaration", async () => {
    const orders = { ...ORDERS_EXPORT, tables: [{ ...ORDERS_EXPORT.tables[0], description: long(2049) }] };
    const found = await problems({ ...web, ingestions: [orders] });
    expect(found).toEqual([expect.stringMatching(new RegExp(`^domains/web/domain\\.ts:\\d+:\\d+: ingestions\\[0\\]\\.tables\\[0\\]\\.description: ${escape(limitMessages.tooLong("glue-table-description", 2049))}$`))]);
  });

  it("fails when a view's text, as Glue stores it, would pass Glue's limit, at the view's SQL", async () => {
    const sql = `SELECT view_id, count(*) AS view_count\nFROM page_views\nWHERE view_id NOT IN (${Array.from({ length: 40000 }, (_, i) => `'v${i}'`).join(", ")})\nGROUP BY view_id\n`;
    const domain = { ...web, views: [{ name: "counts", description: "Counts.", columns: [{ name: "view_id", type: "string", description: "Id." }, { name: "view_count", type: "bigint", description: "Count." }] }] };
    const found = await problems(domain, { "domains/web/views/counts.sql": sql });
    expect(found).toEqual([expect.stringMatching(/^domains\/web\/views\/counts\.sql:1:1: makes a view's text as Glue stores it .* \d+ characters long; Glue holds at most 409600 \(https:\/\/docs\.aws\.amazon\.com\/glue\/latest\/webapi\/API_TableInput\.html\); split the view$/)]);
  });

  it("fails when the organisation's and an environment's names make a bucket name longer than S3 allows, at the environment", async () => {
    const preproduction = { accountId: "222222222223", region: "eu-west-1", deployRoleArn: "arn:aws:iam::222222222223:role/deploy", state: { bucket: "acme-preproduction-state" } };
    const organisation = { ...ORGANISATION, name: "acme-analytics-group", environments: { ...ORGANISATION.environments, preproduction012: preproduction } };
    const found = await problems(web, {}, organisation);
    expect(found).toEqual([
      expect.stringMatching(new RegExp(`^baikal\\.config\\.ts:\\d+:\\d+: environments\\.preproduction012: ${escape(limitMessages.bucketName("acme-analytics-group-preproduction012-query-results-222222222223", 64))}$`)),
    ]);
    expect(limitMessages.bucketName("b", 64)).toBe(
      'makes the bucket name "b", 64 characters; an S3 bucket name (<org>-<environment>-<purpose>-<account>) holds at most 63 (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html); shorten the organisation\'s or the environment\'s name',
    );
  });

  it("fails on an LF-tag value longer than Lake Formation takes, at the value", async () => {
    const organisation = { ...ORGANISATION, governance: { tags: { classification: ["public", long(257)] } } };
    expect(await problems(web, {}, organisation)).toEqual([
      expect.stringMatching(new RegExp(`^baikal\\.config\\.ts:\\d+:\\d+: governance\\.tags\\.classification\\[1\\]: ${escape(limitMessages.tooLong("lakeformation-tag-value", 257))}$`)),
    ]);
  });

  it("fails on a cron field out of its range, at the schedule", async () => {
    expect(cronFieldProblem("cron(0 4 * * ? *)")).toBeUndefined();
    expect(cronFieldProblem("cron(0/15 9-17 ? * MON-FRI *)")).toBeUndefined();
    expect(cronFieldProblem("cron(0 12 L * ? 2030)")).toBeUndefined();
    expect(cronFieldProblem("cron(0 10 ? * 6#3 *)")).toBeUndefined();
    expect(cronFieldProblem("cron(0 25 * * ? *)")).toBe(limitMessages.cronField("cron(0 25 * * ? *)", "hours", "25", 0, 23));
    expect(limitMessages.cronField("cron(0 4 ? * FUNDAY *)", "day-of-week", "FUNDAY", 1, 7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"])).toBe(
      '"cron(0 4 ? * FUNDAY *)": the day-of-week field is "FUNDAY", but day-of-week takes 1 to 7 or SUN to SAT, with , - * / (https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#cron-based)',
    );
    const found = await problems({ ...web, ingestions: [{ ...ORDERS_EXPORT, schedule: { expression: "cron(70 3 * * ? *)", timezone: "UTC" } }] });
    expect(found).toEqual([expect.stringMatching(new RegExp(`^domains/web/domain\\.ts:\\d+:\\d+: ingestions\\[0\\]\\.schedule\\.expression: ${escape(limitMessages.cronField("cron(70 3 * * ? *)", "minutes", "70", 0, 59))}$`))]);
  });

  it("fails on a time of day for a refresh interval QuickSight takes none for, at the time", async () => {
    const organisation = { ...ORGANISATION, principals: { ...ORGANISATION.principals, bi: { kind: "quicksight-group", group: "bi" } } } as typeof ORGANISATION;
    const domain = {
      ...web,
      views: [{ name: "ids", description: "Ids.", columns: [{ name: "view_id", type: "string", description: "Id." }] }],
      datasets: [{ name: "ids", description: "Ids.", view: "ids", mode: "SPICE", refresh: { interval: "HOURLY", timeOfDay: "06:00" }, readers: ["bi"] }],
    };
    const found = await problems(domain, { "domains/web/views/ids.sql": "SELECT view_id\nFROM page_views\n" }, organisation);
    expect(found).toEqual([expect.stringMatching(new RegExp(`^domains/web/domain\\.ts:\\d+:\\d+: datasets\\[0\\]\\.refresh\\.timeOfDay: ${escape(limitMessages.timeOfDay("HOURLY"))}$`))]);
    expect(limitMessages.timeOfDay("HOURLY")).toBe(
      "a HOURLY refresh takes no time of day: QuickSight takes one only for DAILY, WEEKLY, MONTHLY (https://docs.aws.amazon.com/quicksight/latest/APIReference/API_RefreshFrequency.html); remove timeOfDay",
    );
  });

  it("fails when a transform's state machine definition would pass Step Functions' limit, at the transform", async () => {
    const target = { name: "wide", description: "Wide.", zone: "curated", format: "parquet", columns: [{ name: "view_id", type: "string", description: "Id." }], partitionKeys: [web.tables[0]!.partitionKeys![0]!] };
    const values = Array.from({ length: 60000 }, (_, i) => `value_number_${i}`);
    const domain = {
      ...web,
      tables: [...web.tables, target],
      transforms: [{ name: "wide", description: "Wide.", target: "wide", mode: "incremental", schedule: { expression: "cron(0 4 * * ? *)", timezone: "UTC" }, tests: [{ type: "accepted_values", column: "view_id", values }] }],
    };
    const found = await problems(domain, { "domains/web/transforms/wide.sql": "SELECT view_id, dt\nFROM page_views\nWHERE dt = {{ run_date }}\n" });
    expect(found).toEqual([expect.stringMatching(/^domains\/web\/domain\.ts:\d+:\d+: transforms\[0\]: makes a state machine definition of \d+ characters; a state machine definition holds at most 1048576 \(https:\/\/docs\.aws\.amazon\.com\/step-functions\/latest\/apireference\/API_CreateStateMachine\.html\); split the SQL or the data tests into several transforms$/)]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
