import { describe, expect, it } from "vitest";
import { refreshMessages } from "../src/declarations/dataset.ts";
import { compileGrants } from "../src/grants/compile-grants.ts";
import { loadProject } from "../src/loading/load-project.ts";
import { configSource, domainSource, writeProject } from "./support.ts";
import { ADS, GOVERNED_ORGANISATION, problemsOf, WEB, WEB_SQL } from "./grants-support.ts";

/** `web` with these datasets (untyped, so the tests can write what the types forbid) and no grants. */
function withDatasets(datasets: unknown[], web: object = {}): string {
  return writeProject({
    "baikal.config.ts": configSource(GOVERNED_ORGANISATION),
    "domains/web/domain.ts": domainSource({ ...WEB, ...web, datasets }),
    "domains/ads/domain.ts": domainSource(ADS),
    ...WEB_SQL,
  });
}

const busy = { name: "busy_days", description: "Busy days.", view: "busy_days", acknowledgeBaseColumns: ["web.page_views.view_id"], mode: "SPICE", readers: ["bi"] };

describe("datasets: checks when the project loads", () => {
  it("loads a SPICE dataset with a refresh schedule and a direct-query one", async () => {
    const project = await loadProject(
      withDatasets([
        { ...busy, refresh: { interval: "DAILY", timeOfDay: "06:00", timezone: "Asia/Tokyo" } },
        { ...busy, name: "daily_views", view: "daily_views", acknowledgeBaseColumns: ["web.page_views.view_id"], mode: "DIRECT_QUERY", columns: ["dt"] },
      ]),
    );
    expect(project.domains.find((d) => d.name === "web")!.datasets!.map((d) => d.name)).toEqual(["busy_days", "daily_views"]);
  });

  it("fails when a dataset names a table", async () => {
    expect(await problemsOf(withDatasets([{ ...busy, view: "page_views" }]))).toEqual([
      'domains/web/domain.ts:108:15: datasets[0].view: "page_views" is a table of web, not a view; a dataset reads only declared views, the reviewed, stable interface: declare a view over the table and name it here',
    ]);
  });

  it("fails when a dataset carries custom SQL or a table", async () => {
    const why =
      "a dataset reads a declared view, never a table or its own SQL: views are the reviewed, stable interface, so write the query as a view in views/ and name it in `view`";
    expect(await problemsOf(withDatasets([{ ...busy, sql: "SELECT * FROM page_views" }, { ...busy, name: "t", table: "page_views" }]))).toEqual([
      `domains/web/domain.ts:116:14: datasets[0].sql: ${why}`,
      `domains/web/domain.ts:129:16: datasets[1].table: ${why}`,
    ]);
  });

  it("fails when the view is unknown", async () => {
    expect(await problemsOf(withDatasets([{ ...busy, view: "busy_dayz" }]))).toEqual([
      'domains/web/domain.ts:108:15: datasets[0].view: no view "busy_dayz" in domain web; its views: "daily_views", "busy_days"',
    ]);
  });

  it("fails when a column is not in the view", async () => {
    expect(await problemsOf(withDatasets([{ ...busy, columns: ["dt", "views"] }]))).toEqual([
      'domains/web/domain.ts:118:9: datasets[0].columns[1]: view web.busy_days has no column "views"; its columns: "dt", "view_count"',
    ]);
  });

  it("fails when a reader is unknown or not a QuickSight group", async () => {
    expect(await problemsOf(withDatasets([{ ...busy, readers: ["bi_authors", "analysts"] }]))).toEqual([
      'domains/web/domain.ts:114:9: datasets[0].readers[0]: no principal "bi_authors" in baikal.config.ts; its quicksight-group principals: "bi"',
      'domains/web/domain.ts:115:9: datasets[0].readers[1]: "analysts" is a principal of kind "iam-role"; dataset readers are QuickSight groups (kind "quicksight-group"), who open the dataset in QuickSight',
    ]);
  });

  it("fails when the data source's owners are not a QuickSight group", async () => {
    const root = writeProject({
      "baikal.config.ts": configSource({ ...GOVERNED_ORGANISATION, bi: { quicksight: { owners: "analysts" } } }),
      "domains/web/domain.ts": domainSource(WEB),
      "domains/ads/domain.ts": domainSource(ADS),
      ...WEB_SQL,
    });
    expect(await problemsOf(root)).toEqual([
      'baikal.config.ts:76:17: bi.quicksight.owners: "analysts" is not a quicksight-group principal; the data source\'s owners are a QuickSight group (quicksight-group principals: "bi")',
    ]);
  });

  it("fails when Redash is configured but no redash role principal is declared", async () => {
    const root = writeProject({
      "baikal.config.ts": configSource({ ...GOVERNED_ORGANISATION, bi: { redash: { trustedPrincipalArn: "arn:aws:iam::999999999999:role/redash-task" } } }),
      "domains/web/domain.ts": domainSource(WEB),
      "domains/ads/domain.ts": domainSource(ADS),
      ...WEB_SQL,
    });
    expect(await problemsOf(root)).toEqual([
      'baikal.config.ts:75:5: bi.redash: the Redash role is created for the principal "redash", so declare it as { kind: "iam-role", name: "<role name>" } in principals',
    ]);
  });

  it("fails when a dataset is declared twice", async () => {
    expect(await problemsOf(withDatasets([busy, busy]))).toEqual(["domains/web/domain.ts:118:15: datasets[1].name: dataset declared twice (also datasets[0]); rename or remove one"]);
  });

  it("fails when a direct-query dataset has a refresh schedule", async () => {
    expect(await problemsOf(withDatasets([{ ...busy, mode: "DIRECT_QUERY", refresh: { interval: "HOURLY" } }]))).toEqual([
      'domains/web/domain.ts:116:7: datasets[0].refresh: a refresh schedule applies only to SPICE datasets (a DIRECT_QUERY dataset queries Athena on every visual); remove `refresh` or set mode: "SPICE"',
    ]);
  });

  it("loads weekly and monthly refreshes with their day", async () => {
    const project = await loadProject(
      withDatasets([
        { ...busy, refresh: { interval: "WEEKLY", dayOfWeek: "MONDAY", timeOfDay: "06:00" } },
        { ...busy, name: "monthly", refresh: { interval: "MONTHLY", dayOfMonth: "LAST_DAY_OF_MONTH", timeOfDay: "23:30" } },
      ]),
    );
    expect(project.domains.find((d) => d.name === "web")!.datasets!.map((d) => d.refresh)).toEqual([
      { interval: "WEEKLY", dayOfWeek: "MONDAY", timeOfDay: "06:00" },
      { interval: "MONTHLY", dayOfMonth: "LAST_DAY_OF_MONTH", timeOfDay: "23:30" },
    ]);
  });

  it("fails when a weekly refresh has no day of the week, or a monthly one no day of the month", async () => {
    expect(await problemsOf(withDatasets([{ ...busy, refresh: { interval: "WEEKLY" } }, { ...busy, name: "monthly", refresh: { interval: "MONTHLY" } }]))).toEqual([
      `domains/web/domain.ts:116:18: datasets[0].refresh.dayOfWeek: ${refreshMessages.dayOfWeekMissing()}`,
      `domains/web/domain.ts:131:18: datasets[1].refresh.dayOfMonth: ${refreshMessages.dayOfMonthMissing()}`,
    ]);
    expect(refreshMessages.dayOfWeekMissing()).toBe('required by interval "WEEKLY": the day QuickSight refreshes on, one of "MONDAY" to "SUNDAY", e.g. dayOfWeek: "MONDAY"');
  });

  it("fails when a day is given for an interval that does not take it", async () => {
    const refreshes = [
      { interval: "DAILY", dayOfMonth: 1 },
      { interval: "MONTHLY", dayOfMonth: 1, dayOfWeek: "FRIDAY" },
    ];
    expect(await problemsOf(withDatasets(refreshes.map((refresh, i) => ({ ...busy, name: `d${i}`, refresh }))))).toEqual([
      'domains/web/domain.ts:118:23: datasets[0].refresh.dayOfMonth: dayOfMonth applies only to a MONTHLY refresh, and this one is DAILY; remove dayOfMonth or set interval: "MONTHLY"',
      'domains/web/domain.ts:135:22: datasets[1].refresh.dayOfWeek: dayOfWeek applies only to a WEEKLY refresh, and this one is MONTHLY; remove dayOfWeek or set interval: "WEEKLY"',
    ]);
  });

  it("fails when the day of the month is not one QuickSight schedules on", async () => {
    const days = [31, 0, "15", 2.5];
    expect(await problemsOf(withDatasets(days.map((dayOfMonth, i) => ({ ...busy, name: `d${i}`, refresh: { interval: "MONTHLY", dayOfMonth } }))))).toEqual([
      'domains/web/domain.ts:118:23: datasets[0].refresh.dayOfMonth: 31 is not a day QuickSight refreshes on: use a day from 1 to 28, or "LAST_DAY_OF_MONTH" for the end of every month (QuickSight does not schedule on the 29th to 31st)',
      `domains/web/domain.ts:134:23: datasets[1].refresh.dayOfMonth: ${refreshMessages.dayOfMonth(0)}`,
      `domains/web/domain.ts:150:23: datasets[2].refresh.dayOfMonth: ${refreshMessages.dayOfMonth("15")}`,
      `domains/web/domain.ts:166:23: datasets[3].refresh.dayOfMonth: ${refreshMessages.dayOfMonth(2.5)}`,
    ]);
  });

  it("fails when a reader would read personal data through the view", async () => {
    const userDays = { name: "user_days", description: "Users.", columns: [{ name: "user_id", type: "bigint", description: "User." }] };
    const root = writeProject({
      "baikal.config.ts": configSource(GOVERNED_ORGANISATION),
      "domains/web/domain.ts": domainSource({ ...WEB, views: [...WEB.views!, userDays], datasets: [{ ...busy, name: "users", view: "user_days", acknowledgeBaseColumns: undefined }] }),
      "domains/ads/domain.ts": domainSource(ADS),
      ...WEB_SQL,
      "domains/web/views/user_days.sql": "SELECT user_id\nFROM page_views\n",
    });
    expect(await problemsOf(root)).toEqual([
      'domains/web/domain.ts:122:9: datasets[0].readers[0]: web.user_days reads column "user_id" of web.page_views, tagged classification=pii, and "bi" may not read personal data (allowed: scientists); a view grant includes every column the view reads, so grant a view that does not read it',
    ]);
  });
});

describe("datasets: grants", () => {
  it("gives the readers exactly what a grant of the view gives: the view, the views it reads and the base-table columns", async () => {
    const project = await loadProject(withDatasets([busy]));
    const staging = compileGrants(project).grants!.environments.find((e) => e.environment === "staging")!;
    const access = staging.access.filter((a) => a.principal === "bi").map((a) => `${a.resource} ${a.columns.join(",")} ${a.through}`);
    expect(access).toEqual([
      "web.busy_days dt,view_count dataset busy_days",
      "web.daily_views dt,view_count dataset busy_days (view web.busy_days)",
      "web.page_views view_id,dt dataset busy_days (view web.busy_days)",
    ]);
  });

  it("reports the declared grant when one also reaches the relation", async () => {
    const project = await loadProject(withDatasets([busy], { grants: [{ to: "bi", view: "daily_views", acknowledgeBaseColumns: ["web.page_views.view_id"] }] }));
    const staging = compileGrants(project).grants!.environments.find((e) => e.environment === "staging")!;
    const access = staging.access.filter((a) => a.principal === "bi").map((a) => `${a.resource} ${a.through}`);
    expect(access).toEqual(["web.busy_days dataset busy_days", "web.daily_views view, dataset busy_days (view web.busy_days)", "web.page_views view web.daily_views, dataset busy_days (view web.busy_days)"]);
  });
});
