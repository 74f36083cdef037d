import { describe, expect, it } from "vitest";
import type { DomainInput } from "../src/declarations/domain.ts";
import type { PartitionKeyInput, TableInput } from "../src/declarations/table.ts";
import { loadProject } from "../src/loading/load-project.ts";
import { renderSql } from "../src/transforms/run-parameters.ts";
import { stateMachineDefinition, utcOffset, writeStatement } from "../src/transforms/state-machine-definition.ts";
import { configSource, domainSource, EVENTS_DOMAIN, writeProject, problemsOf } from "./support.ts";

const dt: PartitionKeyInput = { name: "dt", description: "Day.", projection: { type: "date", format: "yyyy-MM-dd", range: ["2024-01-01", "NOW"] } };
const curated = (name: string, columns: [string, string][]): TableInput => ({
  name,
  description: `${name}.`,
  zone: "curated",
  format: "parquet",
  columns: columns.map(([n, type]) => ({ name: n, type, description: `${n}.` })),
  partitionKeys: [dt],
});

/** web: raw page_views -> daily_users (scheduled) -> user_totals (runs after it). */
const WEB: DomainInput = {
  ...EVENTS_DOMAIN,
  tables: [
    ...EVENTS_DOMAIN.tables!,
    curated("daily_users", [["user_id", "bigint"], ["view_count", "bigint"]]),
    curated("user_totals", [["user_id", "bigint"], ["total_views", "bigint"]]),
  ],
  transforms: [
    {
      name: "daily_users",
      description: "Views per user and day.",
      target: "daily_users",
      mode: "incremental",
      schedule: { expression: "cron(0 4 * * ? *)", timezone: "Asia/Tokyo" },
      tests: [{ type: "unique", columns: ["user_id"] }, { type: "not_null", column: "user_id" }, { type: "row_count", min: 10 }],
    },
    { name: "user_totals", description: "Views per user over a week.", target: "user_totals", mode: "incremental" },
  ],
};
const SQL = {
  "domains/web/transforms/daily_users.sql":
    "SELECT user_id, count(*) AS view_count, dt\nFROM page_views\nWHERE dt = {{ run_date }}\nGROUP BY user_id, dt\n",
  "domains/web/transforms/user_totals.sql":
    "SELECT user_id, sum(view_count) AS total_views, {{ run_date }} AS dt\nFROM daily_users\nWHERE dt BETWEEN {{ run_date_minus_6 }} AND {{ run_date }}\nGROUP BY user_id\n",
};

const project = (web: DomainInput = WEB, files: Record<string, string> = {}, sql: Record<string, string> = SQL) =>
  writeProject({ "baikal.config.ts": configSource(), "domains/web/domain.ts": domainSource(web), ...sql, ...files });

const withTransform = (index: number, change: Record<string, unknown>): DomainInput => ({
  ...WEB,
  transforms: WEB.transforms!.map((t, i) => (i === index ? { ...t, ...change } : t)) as DomainInput["transforms"],
});

describe("transforms", () => {
  it("loads transforms in dependency order, with what they read and who runs after whom", async () => {
    const { transforms } = await loadProject(project());
    expect(transforms!.map((t) => [t.id, t.partitionKey, t.readsTables, t.dependsOn, t.dependents])).toEqual([
      ["web.daily_users", "dt", ["web.page_views"], [], ["web.user_totals"]],
      ["web.user_totals", "dt", ["web.daily_users"], ["web.daily_users"], []],
    ]);
  });

  it("orders transforms across domains, reading only what the other domain publishes", async () => {
    const ads: DomainInput = {
      name: "ads",
      description: "Ads.",
      owners: ["@acme/ads"],
      tables: [curated("user_reach", [["user_id", "bigint"], ["view_count", "bigint"]])],
      transforms: [{ name: "user_reach", description: "Reach.", target: "user_reach", mode: "incremental" }],
    };
    const sql = { "domains/ads/transforms/user_reach.sql": "SELECT user_id, view_count, dt\nFROM web.daily_users\nWHERE dt = {{ run_date }}\n" };
    const files = (web: DomainInput) => ({ "domains/ads/domain.ts": domainSource(ads), ...sql, "domains/web/domain.ts": domainSource(web) });
    expect(await problemsOf(project(WEB, files(WEB)))).toEqual([
      'domains/ads/transforms/user_reach.sql:2:6: web.daily_users belongs to domain "web" and is not published; read only what other domains publish (ask its owners to set published: true) or use your own tables',
    ]);
    const published = { ...WEB, tables: WEB.tables!.map((t) => (t.name === "daily_users" ? { ...t, published: true } : t)) };
    const { transforms } = await loadProject(project(published, files(published)));
    expect(transforms!.map((t) => [t.id, t.dependsOn, t.dependents])).toEqual([
      ["web.daily_users", [], ["ads.user_reach", "web.user_totals"]],
      ["ads.user_reach", ["web.daily_users"], []],
      ["web.user_totals", ["web.daily_users"], []],
    ]);
  });

  it("substitutes run parameters as quoted date literals", async () => {
    const { transforms } = await loadProject(project());
    expect(renderSql(transforms![1]!.select, "2024-03-01")).toBe(
      "SELECT user_id, sum(view_count) AS total_views, '2024-03-01' AS dt\nFROM daily_users\nWHERE dt BETWEEN '2024-02-24' AND '2024-03-01'\nGROUP BY user_id",
    );
  });

  it("compiles data tests to queries counting bad rows of the run's partition", async () => {
    const { transforms } = await loadProject(project());
    expect(transforms![0]!.tests.map((t) => [t.id, renderSql(t.sql, "2024-03-01")])).toEqual([
      [
        "test_0_unique_user_id",
        'SELECT count(*) AS failures FROM (SELECT "user_id" FROM "web"."daily_users" WHERE "dt" = \'2024-03-01\' GROUP BY "user_id" HAVING count(*) > 1) AS duplicates',
      ],
      ["test_1_not_null_user_id", 'SELECT count(*) AS failures FROM "web"."daily_users" WHERE "dt" = \'2024-03-01\' AND ("user_id" IS NULL)'],
      [
        "test_2_row_count",
        'SELECT count(*) AS failures FROM (SELECT count(*) AS row_count FROM "web"."daily_users" WHERE "dt" = \'2024-03-01\') AS counted WHERE row_count < 10',
      ],
    ]);
  });

  it("fails when the schedule is invalid", async () => {
    const problems = await problemsOf(project(withTransform(0, { schedule: { expression: "cron(0 4 * * *)", timezone: "Tokyo" } })));
    expect(problems).toEqual([
      'domains/web/domain.ts:114:23: transforms[0].schedule.expression: "cron(0 4 * * *)" has 5 fields, a cron expression has 6; use "cron(minutes hours day-of-month month day-of-week year)" such as "cron(0 4 * * ? *)", or "rate(1 day)"',
      'domains/web/domain.ts:115:21: transforms[0].schedule.timezone: "Tokyo" is not an IANA time zone; use a name such as "Asia/Tokyo", "Europe/Berlin" or "UTC"',
    ]);
  });

  it("fails when the target table is unknown", async () => {
    const problems = await problemsOf(project(withTransform(0, { target: "daily_user" })));
    expect(problems).toEqual([
      'domains/web/domain.ts:111:17: transforms[0].target: target "daily_user" is not a table of domain "web"; did you mean "daily_users"? (tables: page_views, daily_users, user_totals); declare the table under tables first',
    ]);
  });

  it("fails when the SELECT's columns do not match the target", async () => {
    const problems = await problemsOf(
      project(WEB, { "domains/web/transforms/daily_users.sql": "SELECT user_id, count(*) AS views, dt\nFROM page_views\nGROUP BY user_id, dt\n" }),
    );
    expect(problems).toEqual([
      "domains/web/transforms/daily_users.sql:1:8: the SELECT produces user_id, views, dt but web.daily_users needs user_id, view_count, dt (its columns, then its partition keys, in this order); INSERT INTO matches columns by position",
    ]);
  });

  it("fails when a partition column is not last", async () => {
    const problems = await problemsOf(
      project(WEB, { "domains/web/transforms/daily_users.sql": "SELECT dt, user_id, count(*) AS view_count\nFROM page_views\nGROUP BY user_id, dt\n" }),
    );
    expect(problems).toEqual([
      'domains/web/transforms/daily_users.sql:1:8: partition column "dt" must come last in the SELECT, after every data column of web.daily_users: INSERT INTO fills the partition keys from the last columns; select user_id, view_count, dt',
    ]);
  });

  it("fails when a column's type cannot be stored in the target", async () => {
    const problems = await problemsOf(
      project(WEB, { "domains/web/transforms/daily_users.sql": "SELECT user_id, 'many' AS view_count, dt\nFROM page_views\n" }),
    );
    expect(problems).toEqual([
      'domains/web/transforms/daily_users.sql:1:17: column "view_count" goes into web.daily_users.view_count of type bigint (bigint in Athena) but the SELECT produces varchar(4); CAST the expression to bigint',
    ]);
  });

  it("fails when a run parameter is unknown or quoted", async () => {
    const problems = await problemsOf(
      project(WEB, {
        "domains/web/transforms/daily_users.sql":
          "SELECT user_id, count(*) AS view_count, dt\nFROM page_views\nWHERE dt = {{ run_day }} OR dt = '{{ run_date }}'\nGROUP BY user_id, dt\n",
      }),
    );
    expect(problems).toEqual([
      'domains/web/transforms/daily_users.sql:3:12: unknown run parameter "{{ run_day }}"; the parameters are run_date (yyyy-MM-dd), run_date_minus_<days> (1 to 366) and run_month (yyyy-MM)',
      "domains/web/transforms/daily_users.sql:3:35: write {{ run_date }} without quotes around it: it becomes a quoted literal such as '2024-01-31' itself",
    ]);
  });

  it("fails when transforms read each other's tables in a cycle", async () => {
    const problems = await problemsOf(
      project(withTransform(0, { schedule: undefined }), {
        "domains/web/transforms/daily_users.sql": "SELECT user_id, total_views AS view_count, dt\nFROM user_totals\n",
      }),
    );
    expect(problems).toEqual([
      "domains/web/transforms/daily_users.sql:2:6: transforms read each other's tables in a cycle: web.daily_users -> web.user_totals -> web.daily_users; none of them could run first, so break the cycle",
    ]);
  });

  it("fails when an incremental transform's target has no partition", async () => {
    const web = {
      ...WEB,
      tables: WEB.tables!.map((t) => (t.name === "daily_users" ? { ...t, partitionKeys: [] } : t)),
      transforms: [WEB.transforms![0]],
    } as DomainInput;
    const { "domains/web/transforms/user_totals.sql": _, ...sql } = SQL;
    const problems = await problemsOf(project(web, {}, sql));
    expect(problems).toEqual([
      'domains/web/domain.ts:99:15: transforms[0].mode: an incremental transform replaces one partition per run, but "daily_users" has no partition keys; add a date partition key (e.g. dt) to the table or use mode "full_refresh"',
    ]);
  });

  it("fails when a data test names an unknown column", async () => {
    const problems = await problemsOf(project(withTransform(0, { tests: [{ type: "not_null", column: "userid" }] })));
    expect(problems).toEqual([
      'domains/web/domain.ts:120:21: transforms[0].tests[0].column: column "userid" is not in web.daily_users; did you mean "user_id"? (columns: user_id, view_count, dt)',
    ]);
  });

  it("fails when a data test compares values of the wrong type or checks the freshness of a non-time column", async () => {
    const tests = [
      { type: "accepted_values", column: "view_count", values: [1, "many"] },
      { type: "freshness", column: "user_id", maxAgeHours: 24 },
    ];
    const problems = await problemsOf(project(withTransform(0, { tests })));
    expect(problems).toEqual([
      'domains/web/domain.ts:123:13: transforms[0].tests[0].values[1]: column "view_count" is bigint, so its accepted values must be numbers',
      'domains/web/domain.ts:128:21: transforms[0].tests[1].column: freshness needs a timestamp or date column, but column "user_id" is bigint',
    ]);
  });

  it("fails when nothing would ever start a transform", async () => {
    const problems = await problemsOf(project(withTransform(0, { schedule: undefined })));
    expect(problems).toEqual([
      'domains/web/domain.ts:109:15: transforms[0].name: transform "daily_users" has no schedule and reads no other transform\'s table, so nothing would ever start it; add schedule: { expression: "cron(0 4 * * ? *)", timezone: "Asia/Tokyo" }',
    ]);
  });
});

describe("a transform run", () => {
  it("replaces exactly the run date's partition: it deletes that prefix, then inserts only that date's rows", async () => {
    const { transforms } = await loadProject(project());
    const t = transforms![0]!;
    const definition = stateMachineDefinition({
      transform: t,
      workgroup: "web",
      bucket: "acme-staging-curated-111111111111",
      tablePrefix: "web/daily_users/",
      topicArn: "arn:aws:sns:eu-west-1:111111111111:alerts",
      dependentArns: ["arn:aws:states:eu-west-1:111111111111:stateMachine:acme-web-user_totals"],
      utcOffset: "+0900",
    }) as { StartAt: string; States: Record<string, Record<string, any>> };
    const s = definition.States;
    // A rerun finds the first run's files, deletes them and lists again until the prefix is empty; only then writes.
    // Follow the states of a rerun: the partition still holds the first run's files, and the data tests pass.
    const partitionHasFiles = [true, false];
    const choose: Record<string, (state: Record<string, any>) => string> = {
      CheckRunDate: (state) => state.Choices[0].Next,
      TargetCleared: (state) => (partitionHasFiles.shift() ? state.Default : state.Choices[0].Next),
    };
    const path = [definition.StartAt];
    while (s[path.at(-1)!]!.Type !== "Succeed" && path.length < 30) {
      const name = path.at(-1)!;
      const state = s[name]!;
      path.push(state.Type === "Choice" ? (choose[name]?.(state) ?? state.Default) : state.Next);
    }
    expect(path.slice(0, 7)).toEqual(["ResolveRunDate", "CheckRunDate", "ListTargetObjects", "TargetCleared", "DeleteTargetObjects", "ListTargetObjects", "TargetCleared"]);
    expect(path.slice(7)).toEqual([
      "Write",
      ...["test_0_unique_user_id", "test_1_not_null_user_id", "test_2_row_count"].flatMap((t) => [t, `${t}_result`, `${t}_check`]),
      "start_acme-web-user_totals",
      "Succeeded",
    ]);
    expect(s.ListTargetObjects!.Arguments).toEqual({ Bucket: "acme-staging-curated-111111111111", Prefix: '{% "web/daily_users/dt=" & $run_date & "/" %}' });
    expect(s.DeleteTargetObjects!.Arguments).toEqual({
      Bucket: "acme-staging-curated-111111111111",
      Delete: { Objects: '{% [$states.input.Contents.{"Key": Key}] %}', Quiet: true },
    });
    expect(renderSql(writeStatement(t), "2024-03-01")).toBe(
      'INSERT INTO "web"."daily_users"\nSELECT * FROM (\nSELECT user_id, count(*) AS view_count, dt\nFROM page_views\nWHERE dt = \'2024-03-01\'\nGROUP BY user_id, dt\n) AS transform_output\nWHERE "dt" = \'2024-03-01\'',
    );
    // A failed write starts over from clearing the partition, never appends to what it left.
    expect(s.Write!.Catch[0].Next).toBe("CanRetryRun");
    expect(s.WaitBeforeRetry!.Next).toBe("ListTargetObjects");
    expect(JSON.stringify(definition)).not.toMatch(/DROP|DELETE FROM/i);
  });

  it("clears the whole table before a full refresh and tests the whole table", async () => {
    const web = withTransform(1, { mode: "full_refresh", tests: [{ type: "row_count", min: 1 }] });
    const { transforms } = await loadProject(project(web));
    const t = transforms![1]!;
    expect(t.partitionKey).toBeUndefined();
    const definition = stateMachineDefinition({
      transform: t,
      workgroup: "web",
      bucket: "acme-staging-curated-111111111111",
      tablePrefix: "web/user_totals/",
      topicArn: "arn:aws:sns:eu-west-1:111111111111:alerts",
      dependentArns: [],
      utcOffset: "+0000",
    }) as { States: Record<string, Record<string, any>> };
    expect(definition.States.ListTargetObjects!.Arguments.Prefix).toBe('{% "web/user_totals/" %}');
    expect(renderSql(writeStatement(t), "2024-03-01")).toMatch(/^INSERT INTO "web"\."user_totals"\nSELECT user_id, sum\(view_count\)/);
    expect(renderSql(t.tests[0]!.sql, "2024-03-01")).toBe(
      'SELECT count(*) AS failures FROM (SELECT count(*) AS row_count FROM "web"."user_totals") AS counted WHERE row_count < 1',
    );
  });

  it("turns the scheduled instant into a local run date with the zone's standard offset", () => {
    expect(["Asia/Tokyo", "Asia/Kolkata", "America/New_York", "Europe/Berlin", "UTC"].map(utcOffset)).toEqual(["+0900", "+0530", "-0500", "+0100", "+0000"]);
  });
});
