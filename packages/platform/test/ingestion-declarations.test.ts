import { describe, expect, it } from "vitest";
import { compileGrants } from "../src/grants/compile-grants.ts";
import { loadProject } from "../src/loading/load-project.ts";
import { EVENTS_DOMAIN, configSource, domainSource, writeProject, problemsOf as problemsIn } from "./support.ts";
import { ORDERS_EXPORT, SALESFORCE, withIngestions } from "./ingestion-support.ts";

const problemsOf = (domain: unknown): Promise<string[]> => problemsIn(writeProject({ "baikal.config.ts": configSource(), "domains/web/domain.ts": domainSource(domain) }));

const ordersTable = ORDERS_EXPORT.tables[0]!;

describe("ingestion declarations", () => {
  it("load an RDS export's tables as raw Parquet tables under the ingestion's prefix, partitioned by the day of the export", async () => {
    const project = await loadProject(writeProject({ "baikal.config.ts": configSource(), "domains/web/domain.ts": domainSource(withIngestions(ORDERS_EXPORT)) }));
    const tables = project.domains[0]!.tables!;
    expect(tables.map((t) => t.name)).toEqual(["page_views", "orders"]);
    expect(tables[1]).toEqual({
      name: "orders",
      description: "Orders.",
      zone: "raw",
      format: "parquet",
      location: "orders_db/",
      columns: ordersTable.columns,
      partitionKeys: [
        {
          name: "dt",
          description: "Day the export ran (UTC); it holds the latest automated snapshot taken before the run.",
          projection: { type: "date", format: "yyyy-MM-dd", range: ["NOW-3YEARS", "NOW"] },
        },
      ],
    });
  });

  it("load a Salesforce flow as one raw table per object, its fields as columns and dt in AppFlow's yyyy/MM/dd", async () => {
    const project = await loadProject(writeProject({ "baikal.config.ts": configSource(), "domains/web/domain.ts": domainSource(withIngestions(SALESFORCE)) }));
    const [, accounts, opportunities] = project.domains[0]!.tables!;
    expect(accounts).toMatchObject({
      name: "sf_accounts",
      zone: "raw",
      format: "parquet",
      location: "salesforce/sf_accounts/",
      columns: [
        { name: "account_id", type: "string", description: "Id.", required: true },
        { name: "annual_revenue", type: "double", description: "Revenue." },
      ],
      partitionKeys: [{ name: "dt", projection: { type: "date", format: "yyyy/MM/dd", range: ["2024/06/01", "NOW"] } }],
    });
    expect(accounts!.columns.some((c) => "field" in c)).toBe(false);
    expect(opportunities).toMatchObject({ name: "sf_opportunities", location: "salesforce/sf_opportunities/" });
  });

  it("make tables that views read and grants name like any other table", async () => {
    const domain = {
      ...withIngestions(ORDERS_EXPORT),
      views: [
        {
          name: "daily_order_amounts",
          description: "Amount per day.",
          columns: [
            { name: "dt", type: "string", description: "Day." },
            { name: "amount", type: "decimal(38,2)", description: "Amount." },
          ],
        },
      ],
      grants: [{ to: "analysts", table: "orders", columns: ["order_id"] }],
    };
    const root = writeProject({
      "baikal.config.ts": configSource(),
      "domains/web/domain.ts": domainSource(domain),
      "domains/web/views/daily_order_amounts.sql": "SELECT dt, sum(amount) AS amount\nFROM orders\nGROUP BY dt\n",
    });
    const project = await loadProject(root);
    expect(project.views.map((v) => v.name)).toEqual(["daily_order_amounts"]);
    const { grants } = compileGrants(project);
    expect(grants!.environments[0]!.permissions.map((p) => p.resource)).toContainEqual(
      expect.objectContaining({ kind: "columns", database: "web", table: "orders", columns: ["order_id"] }),
    );
  });

  it("fails when the kind is unknown, naming the kinds there are", async () => {
    expect(await problemsOf(withIngestions({ ...ORDERS_EXPORT, kind: "rds-snapshot" }))).toEqual([
      'domains/web/domain.ts:45:15: ingestions[0].kind: "rds-snapshot" is not allowed; did you mean "rds-snapshot-export"?; use one of "rds-snapshot-export", "appflow-salesforce"',
    ]);
  });

  it("fails when an ingested table is named like a declared table, or another ingestion's table", async () => {
    const problems = await problemsOf(
      withIngestions(
        { ...ORDERS_EXPORT, tables: [{ ...ordersTable, name: "page_views" }] },
        { ...SALESFORCE, objects: [{ ...SALESFORCE.objects[1], table: "page_views" }] },
      ),
    );
    expect(problems).toEqual([
      'domains/web/domain.ts:53:19: ingestions[0].tables[0].name: "page_views" is already tables[0]; a table, a view and an ingested table share one namespace in the database, so rename one',
      'domains/web/domain.ts:85:20: ingestions[1].objects[0].table: "page_views" is already tables[0]; a table, a view and an ingested table share one namespace in the database, so rename one',
    ]);
  });

  it("fails when two ingestions share a name or an ingestion's prefix overlaps a table's files", async () => {
    const problems = await problemsOf(withIngestions(ORDERS_EXPORT, { ...SALESFORCE, name: "orders_db", location: "page_views/crm/" }));
    expect(problems).toEqual([
      'domains/web/domain.ts:78:15: ingestions[1].name: ingestion "orders_db" is declared twice (also ingestions[0]); rename or remove one',
      'domains/web/domain.ts:117:19: ingestions[1].location: "page_views/crm/" overlaps the location of tables[0] in the raw zone; an ingestion writes its own files, so give it its own prefix with `location`',
    ]);
  });

  it("fails when an ingestion's prefix overlaps a raw table's, naming that table where it is declared", async () => {
    const curated = { ...EVENTS_DOMAIN.tables![0]!, name: "daily_views", zone: "curated", format: "parquet", location: "orders_db/" };
    const problems = await problemsOf({ ...withIngestions({ ...ORDERS_EXPORT, location: "page_views/" }), tables: [curated, ...EVENTS_DOMAIN.tables!] });
    expect(problems).toEqual([
      'domains/web/domain.ts:109:19: ingestions[0].location: "page_views/" overlaps the location of tables[1] in the raw zone; an ingestion writes its own files, so give it its own prefix with `location`',
    ]);
  });

  it("fails when a source column's Hive type is unknown or malformed", async () => {
    const problems = await problemsOf(
      withIngestions(
        { ...ORDERS_EXPORT, tables: [{ ...ordersTable, columns: [{ name: "order_id", type: "integer", description: "Id." }] }] },
        { ...SALESFORCE, objects: [{ ...SALESFORCE.objects[1], fields: [{ field: "Id", name: "opportunity_id", type: "decimal(40,2)", description: "Id." }] }] },
      ),
    );
    expect(problems).toEqual([
      'domains/web/domain.ts:63:23: ingestions[0].tables[0].columns[0].type: "integer" is not a Hive type: unknown type "integer"; Hive calls it "int" (types: boolean, tinyint, smallint, int, bigint, float, double, string, date, timestamp, binary, decimal(p,s), varchar(n), char(n), array<T>, map<K,V>, struct<name:T,...>)',
      'domains/web/domain.ts:85:23: ingestions[1].objects[0].fields[0].type: "decimal(40,2)" is not a Hive type: decimal precision must be a whole number from 1 to 38, got "40"',
    ]);
  });

  it("fails when the source is not a valid DB instance or cluster identifier, or names both or neither", async () => {
    expect(await problemsOf(withIngestions({ ...ORDERS_EXPORT, source: { instance: "Orders_Prod--1" } }))).toEqual([
      'domains/web/domain.ts:49:21: ingestions[0].source.instance: "Orders_Prod--1" is not a DB identifier: use 1-63 lower-case letters, digits and hyphens, starting with a letter, with no "--" and no hyphen at the end (e.g. "orders-prod-1")',
    ]);
    expect(await problemsOf(withIngestions({ ...ORDERS_EXPORT, source: { cluster: "1-aurora-" } }))).toEqual([
      'domains/web/domain.ts:49:20: ingestions[0].source.cluster: "1-aurora-" is not a DB identifier: use 1-63 lower-case letters, digits and hyphens, starting with a letter, with no "--" and no hyphen at the end (e.g. "aurora")',
    ]);
    expect(await problemsOf(withIngestions({ ...ORDERS_EXPORT, source: { instance: "orders-prod", cluster: "orders-aurora" } }))).toEqual([
      'domains/web/domain.ts:48:7: ingestions[0].source: name exactly one of `instance` (an RDS DB instance) or `cluster` (an Aurora DB cluster), e.g. { instance: "orders-prod" }',
    ]);
  });

  it("fails when a Salesforce object name is empty", async () => {
    expect(await problemsOf(withIngestions({ ...SALESFORCE, objects: [{ ...SALESFORCE.objects[1], object: "" }] }))).toEqual([
      'domains/web/domain.ts:52:21: ingestions[0].objects[0].object: the object is empty; name the Salesforce object by its API name, e.g. "Account" or "Opportunity"',
    ]);
  });

  it("fails when the export's schedule is not a schedule expression, runs more than daily, or has an unknown zone", async () => {
    const schedule = (expression: string, timezone = "UTC") => withIngestions({ ...ORDERS_EXPORT, schedule: { expression, timezone } });
    expect(await problemsOf(schedule("cron(0 3 * * *)"))).toEqual([
      'domains/web/domain.ts:76:23: ingestions[0].schedule.expression: "cron(0 3 * * *)" has 5 fields, a cron expression has 6; use "cron(minutes hours day-of-month month day-of-week year)" such as "cron(0 4 * * ? *)", or "rate(1 day)"',
    ]);
    expect(await problemsOf(schedule("cron(0 */2 * * ? *)"))).toEqual([
      'domains/web/domain.ts:76:23: ingestions[0].schedule.expression: "cron(0 */2 * * ? *)" runs more than once a day, but a day holds one export (the export is named after its day); use a single minute and hour, e.g. "cron(0 3 * * ? *)", or "rate(1 day)"',
    ]);
    expect(await problemsOf(schedule("rate(6 hours)", "Mars/Base"))).toEqual([
      'domains/web/domain.ts:76:23: ingestions[0].schedule.expression: "rate(6 hours)" runs more than once a day, but a day holds one export (the export is named after its day); use a single minute and hour, e.g. "cron(0 3 * * ? *)", or "rate(1 day)"',
      'domains/web/domain.ts:77:21: ingestions[0].schedule.timezone: "Mars/Base" is not an IANA time zone; use a name such as "Asia/Tokyo", "Europe/Berlin" or "UTC"',
    ]);
  });

  it("fails when an ingested column is named dt, which every ingested table uses as its partition key", async () => {
    expect(await problemsOf(withIngestions({ ...ORDERS_EXPORT, tables: [{ ...ordersTable, columns: [{ name: "dt", type: "date", description: "Day." }] }] }))).toEqual([
      'domains/web/domain.ts:62:23: ingestions[0].tables[0].columns[0].name: column "dt" is the partition key every ingested table gets (the day of the run); rename the column',
    ]);
  });
});
