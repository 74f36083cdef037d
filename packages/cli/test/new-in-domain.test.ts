import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configSource, domainSource, EVENTS_DOMAIN, writeProject } from "../../platform/test/support.ts";
import { newInDomainMessages } from "../src/commands/new-in-domain.ts";
import { insertDeclaration } from "../src/scaffold/insert-declaration.ts";
import { baikal } from "./support.ts";

const project = () => writeProject({ "baikal.config.ts": configSource(), "domains/web/domain.ts": domainSource(EVENTS_DOMAIN) });

describe("baikal new table|view|transform", () => {
  it("adds a table, a view over it and a transform to an existing domain, each passing check at once", () => {
    const root = project();
    const table = baikal(["new", "table", "web", "clicks"], root);
    expect(table.stderr).toBe("");
    expect(table.stdout).toBe("added table clicks to domains/web/domain.ts\n\nnext: edit the description and the columns; pnpm check checks them\n");
    const view = baikal(["new", "view", "web", "daily_page_views"], root);
    expect(view.stderr).toBe("");
    expect(view.stdout).toContain("created domains/web/views/daily_page_views.sql\n");
    expect(readFileSync(join(root, "domains/web/views/daily_page_views.sql"), "utf8")).toBe("SELECT dt, count(*) AS row_count\nFROM page_views\nGROUP BY dt\n");
    const transform = baikal(["new", "transform", "web", "page_view_facts"], root);
    expect(transform.stderr).toBe("");
    expect(transform.stdout).toContain("added table page_view_facts and transform page_view_facts to domains/web/domain.ts\n");
    expect(readFileSync(join(root, "domains/web/transforms/page_view_facts.sql"), "utf8")).toBe("SELECT view_id, user_id, dt\nFROM page_views\nWHERE dt = {{ run_date }}\n");
    const check = baikal(["check"], root);
    expect(check.stderr).toBe("");
    expect(check.stdout).toMatch(/^ok: 1 domains, 3 tables, 1 views, 4 stacks/);
    const source = readFileSync(join(root, "domains/web/domain.ts"), "utf8");
    expect(source).toContain('\n  views: [\n    {\n      // Its SQL is views/daily_page_views.sql; the columns must be what the SELECT produces, in order.\n      name: "daily_page_views",');
  });

  it("says which domains exist when the domain is unknown, and which names are taken", () => {
    const root = project();
    const unknown = baikal(["new", "view", "wbe", "x"], root);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(`baikal: ${newInDomainMessages.unknownDomain("wbe", ["web"])}\n`);
    expect(newInDomainMessages.unknownDomain("wbe", ["web"])).toBe('no domain "wbe"; did you mean "web"? (domains: web); create one with pnpm baikal new-domain wbe');
    const taken = baikal(["new", "view", "web", "page_views"], root);
    expect(taken.stderr).toBe(
      'baikal: domains/web already has a table named "page_views"; tables, views and ingestion tables share the database\'s names, so choose another\n',
    );
  });

  it("leaves every file as it was when the new declaration does not pass the checks", () => {
    const root = project();
    const before = readFileSync(join(root, "domains/web/domain.ts"), "utf8");
    const run = baikal(["new", "view", "web", "Daily"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^baikal: the new view did not pass the checks, so nothing was changed:\ndomains\/web\/domain\.ts:\d+:\d+: views\[0\]\.name: "Daily" is not a valid table or view name/);
    expect(readFileSync(join(root, "domains/web/domain.ts"), "utf8")).toBe(before);
    expect(existsSync(join(root, "domains/web/views/Daily.sql"))).toBe(false);
    // A name no file system takes: the SQL file cannot be written, and domain.ts is put back too.
    const long = "v".repeat(300);
    const failed = baikal(["new", "view", "web", long], root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("ENAMETOOLONG");
    expect(readFileSync(join(root, "domains/web/domain.ts"), "utf8")).toBe(before);
  });

  it("inserts into domain.ts as a person would: after the last entry, into an empty array, or as a new key", () => {
    const element = '{\n  name: "b",\n}';
    expect(insertDeclaration('defineDomain({\n  tables: [\n    { name: "a" }\n  ],\n});\n', "d.ts", "tables", element)).toBe(
      'defineDomain({\n  tables: [\n    { name: "a" },\n    {\n      name: "b",\n    }\n  ],\n});\n',
    );
    expect(insertDeclaration('defineDomain({\n  tables: [\n    { name: "a" }, // first\n  ],\n});\n', "d.ts", "tables", element)).toBe(
      'defineDomain({\n  tables: [\n    { name: "a" },\n    {\n      name: "b",\n    }, // first\n  ],\n});\n',
    );
    expect(insertDeclaration("defineDomain({\n  views: [],\n});\n", "d.ts", "views", element)).toBe('defineDomain({\n  views: [\n    {\n      name: "b",\n    },\n  ],\n});\n');
    expect(insertDeclaration('defineDomain({\n  name: "web"\n});\n', "d.ts", "views", element)).toBe(
      'defineDomain({\n  name: "web",\n  views: [\n    {\n      name: "b",\n    },\n  ]\n});\n',
    );
    expect(() => insertDeclaration("defineDomain(spec);\n", "domains/web/domain.ts", "views", element)).toThrow(
      "cannot edit domains/web/domain.ts for you: defineDomain is not called with an object literal there; add this to its views yourself:",
    );
  });
});
