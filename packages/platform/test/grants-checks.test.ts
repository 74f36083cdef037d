import { describe, expect, it } from "vitest";
import { loadProject } from "../src/loading/load-project.ts";
import { balanceProblem } from "../src/grants/check-tables.ts";
import { configSource, domainSource, writeProject } from "./support.ts";
import { ADS, GOVERNED_ORGANISATION, type Grants, governedProject, problemsOf, WEB, WEB_SQL } from "./grants-support.ts";

const table = WEB.tables![0]!;
const problems = (grants: Grants, web = {}) => problemsOf(governedProject(grants, web));

describe("grants: checks when the project loads", () => {
  it("loads valid grants of every kind", async () => {
    const project = await loadProject(
      governedProject([
        { to: "analysts", table: "page_views", columns: ["view_id", "url"] },
        { to: "bi", table: "page_views", excludeColumns: ["user_id"] },
        { to: "analysts", view: "busy_days", acknowledgeBaseColumns: ["web.page_views.view_id"] },
        { to: "analysts", tags: { classification: ["public", "internal"] } },
        { to: "bi", table: "page_views", rowFilter: "japan" },
        { to: "partner", view: "daily_views", acknowledgeBaseColumns: ["web.page_views.view_id"] },
        { to: "scientists", table: "page_views" },
      ]),
    );
    expect(project.domains.find((d) => d.name === "web")!.grants).toHaveLength(7);
  });

  it("fails when the principal is unknown, suggesting the closest", async () => {
    expect(await problems([{ to: "analyst", table: "page_views", columns: ["url"] }])).toEqual([
      'domains/web/domain.ts:106:13: grants[0].to: unknown principal "analyst"; did you mean "analysts"? (principals in baikal.config.ts: analysts, scientists, bi, partner, partner_reader, break_glass); grant to a logical name the platform team registered, never to an ARN',
    ]);
  });

  it("fails when a grant is on another domain's table, named or qualified", async () => {
    const message =
      'grants[0].table: ads.impressions is a table of domain "ads"; a domain grants only its own tables and views, so ask its owners to add the grant in domains/ads/domain.ts';
    expect(await problems([{ to: "analysts", table: "impressions" }])).toEqual([`domains/web/domain.ts:107:16: ${message}`]);
    expect(await problems([{ to: "analysts", table: "ads.impressions" }])).toEqual([`domains/web/domain.ts:107:16: ${message}`]);
  });

  it("fails when a view is unknown", async () => {
    expect(await problems([{ to: "analysts", view: "daily_viewz" }])).toEqual([
      'domains/web/domain.ts:107:15: grants[0].view: unknown view "daily_viewz" in domain "web"; did you mean "daily_views"? (views: daily_views, busy_days)',
    ]);
  });

  it("fails when a column is unknown, at the column", async () => {
    expect(await problems([{ to: "analysts", table: "page_views", columns: ["url", "urll"] }])).toEqual([
      'domains/web/domain.ts:110:9: grants[0].columns[1]: column "urll" is not in web.page_views; did you mean "url"? (columns: view_id, user_id, url, country, dt)',
    ]);
  });

  it("fails when a pii column reaches a principal not allowed for it, directly, through a view or through tags", async () => {
    const denied = (column: string) =>
      `column "${column}" of web.page_views is tagged classification=pii, and "analysts" may not read personal data (allowed: scientists)`;
    expect(await problems([{ to: "analysts", table: "page_views" }])).toEqual([
      `domains/web/domain.ts:107:16: grants[0].table: ${denied("user_id")}; leave the column out (excludeColumns) or ask the platform team to add "analysts" to governance.pii.principals`,
    ]);
    const readsUser = { views: [{ ...WEB.views![0]!, name: "user_days", columns: [{ name: "user_id", type: "bigint", description: "User." }] }] };
    const root = writeProject({
      "baikal.config.ts": configSource(GOVERNED_ORGANISATION),
      "domains/web/domain.ts": domainSource({ ...WEB, ...readsUser, grants: [{ to: "analysts", view: "user_days" }] }),
      "domains/web/views/user_days.sql": "SELECT DISTINCT user_id FROM page_views\n",
      "domains/ads/domain.ts": domainSource(ADS),
    });
    expect(await problemsOf(root)).toEqual([
      'domains/web/domain.ts:86:15: grants[0].view: web.user_days reads column "user_id" of web.page_views, tagged classification=pii, and "analysts" may not read personal data (allowed: scientists); a view grant includes every column the view reads, so grant a view that does not read it',
    ]);
    expect(await problems([{ to: "analysts", tags: { classification: ["internal", "pii"] } }])).toEqual([
      'domains/web/domain.ts:107:7: grants[0].tags: these tags match column "user_id" of web.page_views, tagged classification=pii, and "analysts" may not read personal data (allowed: scientists); list the "classification" values the grant covers, without the personal-data one',
    ]);
  });

  it("lets principals allowed for pii read it", async () => {
    await expect(loadProject(governedProject([{ to: "scientists", tags: { classification: ["pii"] } }]))).resolves.toBeDefined();
  });

  it("fails when a view grant lists columns, saying why", async () => {
    expect(await problems([{ to: "analysts", view: "daily_views", acknowledgeBaseColumns: ["web.page_views.view_id"], columns: ["dt"] }])).toEqual([
      "domains/web/domain.ts:111:7: grants[0].columns: a view grant takes no column list: Lake Formation has no column permissions on views, and Athena runs web.daily_views with the reader's own permissions on exactly the base-table columns it reads, which Baikal grants with it; grant the whole view, or declare a view that selects fewer columns",
    ]);
  });

  it("fails when a row filter has a syntax error or an unknown column, at its expression", async () => {
    const withFilter = (expression: string) => ({ tables: [{ ...table, rowFilters: [{ name: "japan", expression }] }] });
    const hint = `(a row filter is a condition on the table's columns, e.g. "sales_region = 'jp'")`;
    expect(await problems([], withFilter("country = 'jp' AND (url LIKE '%/news/%'"))).toEqual([
      `domains/web/domain.ts:60:25: tables[0].rowFilters[0].expression: row filter "japan" of web.page_views: syntax error: 1 "(" is never closed ${hint}`,
    ]);
    expect(await problems([], withFilter("country = = 'jp'"))).toEqual([
      `domains/web/domain.ts:60:25: tables[0].rowFilters[0].expression: row filter "japan" of web.page_views: syntax error: "=" is not valid here ${hint}`,
    ]);
    expect(await problems([], withFilter("contry = 'jp'"))).toEqual([
      `domains/web/domain.ts:60:25: tables[0].rowFilters[0].expression: row filter "japan" of web.page_views: column "contry" is not in web.page_views (columns: view_id, user_id, url, country, dt); did you mean "country"? ${hint}`,
    ]);
  });

  it("fails when a grant names a row filter the table does not declare", async () => {
    expect(await problems([{ to: "analysts", table: "page_views", rowFilter: "japn" }])).toEqual([
      `domains/web/domain.ts:108:20: grants[0].rowFilter: unknown row filter "japn" of web.page_views; did you mean "japan"? (rowFilters: japan); declare it in the table's rowFilters`,
    ]);
  });

  it("fails when a grant goes to a Lake Formation admin", async () => {
    expect(await problems([{ to: "break_glass", table: "page_views", columns: ["url"] }])).toEqual([
      'domains/web/domain.ts:106:13: grants[0].to: "break_glass" is arn:aws:iam::111111111111:role/break-glass in staging, a Lake Formation admin there: admins hold every permission implicitly and a grant to one fails to revoke ("No permissions revoked"); remove the grant',
    ]);
  });

  it("fails when a grant is declared twice, whatever the order of its lists", async () => {
    expect(
      await problems([
        { to: "analysts", table: "page_views", columns: ["url", "view_id"] },
        { to: "analysts", table: "page_views", columns: ["view_id", "url"] },
      ]),
    ).toEqual(["domains/web/domain.ts:114:13: grants[1].to: the same grant as grants[0]; remove one"]);
  });

  it("fails when a tag key or value is unknown, in a grant or on a table", async () => {
    expect(await problems([{ to: "analysts", tags: { clasification: ["public"] } }])).toEqual([
      'domains/web/domain.ts:108:9: grants[0].tags.clasification: unknown LF-tag key "clasification"; did you mean "classification"? (keys in baikal.config.ts governance.tags: classification)',
    ]);
    expect(await problems([{ to: "analysts", tags: { classification: ["secret"] } }])).toEqual([
      'domains/web/domain.ts:108:9: grants[0].tags.classification: "secret" is not a value of LF-tag "classification" (values: public, internal, pii)',
    ]);
    expect(await problems([], { tables: [{ ...table, tags: { classification: "secret" } }] })).toEqual([
      'domains/web/domain.ts:16:27: tables[0].tags.classification: "secret" is not a value of LF-tag "classification" (values: public, internal, pii)',
    ]);
    expect(await problems([{ to: "analysts", tags: { domain: ["ads"] } }])).toEqual([
      'domains/web/domain.ts:108:9: grants[0].tags.domain: "domain" is set by Baikal: every table of domain "web" carries domain=web, and a tag grant only ever matches the domain\'s own resources; remove the key',
    ]);
  });

  it("fails when a consumer account's grantee is in another account, in baikal.config.ts", async () => {
    const organisation = {
      ...GOVERNED_ORGANISATION,
      principals: { ...GOVERNED_ORGANISATION.principals, partner: { kind: "external-account" as const, accountIds: { staging: "333333333333", production: "444444444444" }, grantees: ["analysts"] } },
    };
    expect(await problemsOf(governedProject([], {}, organisation))).toEqual([
      'baikal.config.ts:45:9: principals.partner.grantees[0]: grantee "analysts" is in account 111111111111 in staging, not in the consumer account 333333333333; name IAM roles or users of the consumer account',
    ]);
  });

  it("reports every grant problem of every domain at once", async () => {
    const root = writeProject({
      "baikal.config.ts": configSource(GOVERNED_ORGANISATION),
      "domains/web/domain.ts": domainSource({ ...WEB, grants: [{ to: "nobody", view: "daily_views", acknowledgeBaseColumns: ["web.page_views.view_id"] }, { to: "analysts", table: "nope" }] }),
      "domains/ads/domain.ts": domainSource({ ...ADS, grants: [{ to: "analysts", table: "page_views" }] }),
      ...WEB_SQL,
    });
    expect((await problemsOf(root)).map((p) => p.split(": ").slice(0, 2).join(": "))).toEqual([
      "domains/ads/domain.ts:26:16: grants[0].table",
      "domains/web/domain.ts:106:13: grants[0].to",
      "domains/web/domain.ts:114:16: grants[1].table",
    ]);
  });
});

describe("balanceProblem", () => {
  it("finds unclosed quotes and parentheses outside quotes", () => {
    expect(balanceProblem("a = '(' AND (b = 1)")).toBeUndefined();
    expect(balanceProblem("a = 'x")).toBe("a ' is never closed");
    expect(balanceProblem("(a = 1))")).toBe('a ")" closes nothing');
  });
});
