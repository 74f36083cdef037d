import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configSource, domainSource, writeProject } from "../../platform/test/support.ts";
import { baikal } from "./support.ts";

const SHOP = {
  name: "shop",
  description: "Orders.",
  owners: ["@acme/shop"],
  tables: [
    {
      name: "orders",
      description: "Orders.",
      zone: "raw",
      format: "jsonl",
      columns: [
        { name: "order_id", type: "bigint", description: "Id.", required: true },
        { name: "amount", type: "decimal(10,2)", description: "Amount." },
      ],
      partitionKeys: [{ name: "dt", description: "Day.", projection: { type: "date", format: "yyyy-MM-dd", range: ["2024-01-01", "NOW"] } }],
    },
  ],
  views: [
    {
      name: "daily_revenue",
      description: "Revenue per day.",
      columns: [
        { name: "dt", type: "string", description: "Day." },
        { name: "order_count", type: "bigint", description: "Orders." },
        { name: "revenue", type: "decimal(38,2)", description: "Revenue." },
      ],
    },
    {
      name: "sampled_orders",
      description: "A random sample.",
      columns: [{ name: "order_id", type: "bigint", description: "Id." }],
    },
  ],
};

const TESTS = `import { defineUnitTests } from "@baikal/platform/declare";
export default defineUnitTests([
  {
    name: "adds up each day's orders",
    view: "daily_revenue",
    given: { orders: [{ order_id: 1, amount: "10.00", dt: "2024-05-01" }, { order_id: 2, amount: "5.50", dt: "2024-05-01" }] },
    expect: [{ dt: "2024-05-01", order_count: 2, revenue: "15.50" }],
  },
  {
    name: "samples orders",
    view: "sampled_orders",
    expect: [],
  },
]);
`;

function shop(tests = TESTS): string {
  return writeProject({
    "baikal.config.ts": configSource(),
    "domains/shop/domain.ts": domainSource(SHOP),
    "domains/shop/views/daily_revenue.sql": "SELECT dt, count(*) AS order_count, sum(amount) AS revenue\nFROM orders\nGROUP BY dt\n",
    "domains/shop/views/sampled_orders.sql": "SELECT order_id\nFROM orders\nWHERE rand() < 0.1\n",
    "domains/shop/tests/shop.ts": tests,
  });
}

/** Output without the timing line, which varies. */
const stable = (stdout: string) => stdout.split("\n").filter((l) => !/ unit tests? in \d+ ms/.test(l));

// Each case starts the real CLI (Node, tsx, DuckDB, the translator): allow for a loaded machine.
describe("baikal test", { timeout: 300_000 }, () => {
  it("passes every unit test of the domains in this repository", () => {
    const run = baikal(["test"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^unit-tests: \d+ passed, 0 failed, \d+ skipped$/m);
    expect(run.code).toBe(0);
  });

  it("passes a correct test and skips, naming the construct and its line, what cannot run offline", () => {
    const run = baikal(["test"], shop());
    expect(stable(run.stdout)).toEqual([
      "ok   shop.daily_revenue: adds up each day's orders (domains/shop/tests/shop.ts:4)",
      "skip shop.sampled_orders: samples orders (domains/shop/tests/shop.ts:10)",
      "       cannot run offline: rand() (random results cannot be compared) at domains/shop/views/sampled_orders.sql:3",
      "1 skipped: cannot run offline (see above); they need a run in Athena",
      "unit-tests: 1 passed, 0 failed, 1 skipped",
      "",
    ]);
    expect(run.code).toBe(0);
  });

  it("fails with the differing cells, missing and unexpected rows when the logic is wrong", () => {
    const root = shop();
    writeFileSync(join(root, "domains/shop/views/daily_revenue.sql"), "SELECT dt, count(*) AS order_count, max(amount) AS revenue\nFROM orders\nWHERE order_id > 1\nGROUP BY dt\n");
    const run = baikal(["test", "shop.daily_revenue"], root);
    expect(stable(run.stdout)).toEqual([
      "FAIL shop.daily_revenue: adds up each day's orders (domains/shop/tests/shop.ts:4)",
      '       row { dt: "2024-05-01", order_count: 2, revenue: 15.50 }',
      "           order_count: expected 2, got 1",
      "           revenue: expected 15.50, got 5.50",
      "unit-tests: 0 passed, 1 failed, 0 skipped",
      "",
    ]);
    expect(run.code).toBe(1);
  });

  it("fails when a test's rows do not fit the declarations, before running anything", () => {
    const run = baikal(["test"], shop(TESTS.replace('order_id: 1, amount: "10.00"', 'order_id: 1, amout: "10.00"')));
    expect(run.stderr).toBe(
      'domains/shop/tests/shop.ts:6:45: [0].given.orders[0].amout: unknown column "amout" in shop.orders; did you mean "amount"? (columns: order_id, amount, dt)\n\n1 problem found; nothing was synthesized.\n',
    );
    expect(run.code).toBe(1);
  });

  it("fails when asked for a domain that does not exist", () => {
    const run = baikal(["test", "shipping"], shop());
    expect(run.stderr).toBe('baikal: no domain "shipping"; domains: shop\n');
    expect(run.code).toBe(1);
  });
});

describe("baikal preview", { timeout: 300_000 }, () => {
  it("prints a view's output on rows generated from the declarations, and on given rows", () => {
    const root = shop();
    const generated = baikal(["preview", "shop.daily_revenue"], root);
    expect(generated.stdout.split("\n")).toEqual([
      "dt           | order_count | revenue",
      "-------------|-------------|--------",
      '"2024-01-01" | 1           | 1.55   ',
      '"2024-01-02" | 1           | 2.55   ',
      '"2024-01-03" | 1           | null   ',
      "3 rows on generated rows (shop.orders: 3)",
      "",
    ]);
    writeFileSync(join(root, "rows.json"), JSON.stringify({ orders: [{ order_id: 7, amount: 1, dt: "2024-05-01" }] }));
    const given = baikal(["preview", "shop.daily_revenue", "--rows", "rows.json"], root);
    expect(given.stdout).toContain('"2024-05-01" | 1           | 1.00   \n1 row on rows from rows.json\n');
    expect(given.code).toBe(0);
  });
});
