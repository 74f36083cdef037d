export interface DomainScaffold {
  readonly name: string;
  readonly owner: string;
  /** A principal of baikal.config.ts to grant the example view to. @default - no example grant */
  readonly principal?: string;
}

const packageJson = (name: string) =>
  `${JSON.stringify(
    {
      name: `@domains/${name}`,
      version: "0.1.0",
      private: true,
      type: "module",
      exports: { ".": "./domain.ts" },
      dependencies: { "@baikal/platform": "workspace:*" },
    },
    null,
    2,
  )}\n`;

const domainTs = ({ name, owner, principal }: DomainScaffold) => `import { defineDomain } from "@baikal/platform/declare";

export default defineDomain({
  name: "${name}",
  description: "The ${name} team's data. Say here what it holds and where to ask (e.g. a Slack channel).",
  owners: [${JSON.stringify(owner)}],
  tables: [
    {
      name: "events",
      description: "One row per event the ${name} service sends; an example to rename or replace.",
      zone: "raw", // raw: as producers send it; curated: outputs of transforms
      format: "jsonl",
      columns: [
        { name: "event_id", type: "string", description: "Unique id of the event.", required: true },
        { name: "event_type", type: "string", description: "What happened, e.g. signup or purchase." },
        { name: "occurred_at", type: "timestamp", description: "When it happened, UTC.", required: true },
      ],
      partitionKeys: [
        {
          name: "dt",
          description: "Day the event was received.",
          projection: { type: "date", format: "yyyy-MM-dd", range: ["2024-01-01", "NOW"] },
        },
      ],
    },
  ],
  views: [
    {
      // Its SQL is views/daily_events.sql; the columns must be what the SELECT produces, in order.
      name: "daily_events",
      description: "Events per day and type.",
      columns: [
        { name: "dt", type: "string", description: "Day the events were received." },
        { name: "event_type", type: "string", description: "What happened." },
        { name: "event_count", type: "bigint", description: "Number of events." },
      ],
    },
  ],${
    principal
      ? `
  grants: [
    // Who may read what: principals are the logical names of baikal.config.ts.
    { to: ${JSON.stringify(principal)}, view: "daily_events" },
  ],`
      : ""
  }
});
`;

const viewSql = () => `SELECT dt, event_type, count(*) AS event_count
FROM events
GROUP BY dt, event_type
`;

const domainTest = () => `import { domainUnderTest } from "@baikal/platform/testing";
import { describe, expect, it } from "vitest";

// This domain as \`pnpm check\` sees it (declarations, view and transform SQL, grants), checked with every other
// domain. These tests follow the declarations: rename, add or remove tables and columns and they still hold.
const domain = await domainUnderTest(import.meta.url);

describe(\`the \${domain.name} domain\`, () => {
  it("passes every check pnpm check makes", () => {
    expect(domain.problems).toEqual([]);
  });

  // Every table is a record contract for the producers that write it.
  describe.each(domain.tables)("table %s", (table) => {
    it("accepts a record with every column filled as declared", () => {
      expect(domain.contract(table).safeParse(domain.exampleRecord(table)).error).toBeUndefined();
    });

    it("rejects a field it does not declare", () => {
      expect(domain.contract(table).safeParse({ ...domain.exampleRecord(table), not_declared: 1 }).success).toBe(false);
    });

    it.each(domain.requiredColumns(table))("rejects a record without its required column %s", (column) => {
      const { [column]: _left_out, ...record } = domain.exampleRecord(table);
      expect(domain.contract(table).safeParse(record).success).toBe(false);
    });
  });

  // Add checks of your own with the names of domain.ts, for example:
  // it("accepts a signup event", () => {
  //   expect(domain.contract("events").parse({ event_id: "e-1", event_type: "signup", occurred_at: "2024-05-01 09:30:00" })).toBeTruthy();
  // });
});
`;

const unitTest = () => `import { defineUnitTests } from "@baikal/platform/declare";

// Unit tests of the domain's views and transforms: rows for what the SQL reads, the rows it must produce.
// \`pnpm baikal test\` runs them offline (DuckDB, with Athena's semantics); relations not given are empty.
const event = (event_id: string, event_type: string, dt: string) => ({ event_id, event_type, occurred_at: \`\${dt} 09:00:00\`, dt });

export default defineUnitTests([
  {
    name: "counts events per day and type",
    view: "daily_events",
    given: {
      events: [event("e1", "signup", "2024-05-01"), event("e2", "signup", "2024-05-01"), event("e3", "purchase", "2024-05-01"), event("e4", "signup", "2024-05-02")],
    },
    expect: [
      { dt: "2024-05-01", event_type: "signup", event_count: 2 },
      { dt: "2024-05-01", event_type: "purchase", event_count: 1 },
      { dt: "2024-05-02", event_type: "signup", event_count: 1 },
    ],
  },
]);
`;

/** The files of a new domain package, by path relative to the repository root. */
export function domainFiles(scaffold: DomainScaffold): Record<string, string> {
  const dir = `domains/${scaffold.name}`;
  return {
    [`${dir}/package.json`]: packageJson(scaffold.name),
    [`${dir}/domain.ts`]: domainTs(scaffold),
    [`${dir}/views/daily_events.sql`]: viewSql(),
    [`${dir}/tests/daily_events.ts`]: unitTest(),
    [`${dir}/test/domain.test.ts`]: domainTest(),
  };
}
