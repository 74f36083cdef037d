import { describe, expect, it } from "vitest";
import type { DomainInput } from "../src/declarations/domain.ts";
import { loadProject } from "../src/loading/load-project.ts";
import { loadUnitTests } from "../src/loading/load-unit-tests.ts";
import { DeclarationError, formatProblem } from "../src/problems/problem.ts";
import { configSource, domainSource, writeProject } from "./support.ts";

const SHOP: DomainInput = {
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
        { name: "placed_at", type: "timestamp", description: "When." },
        { name: "items", type: "array<struct<sku:string,qty:int>>", description: "Items." },
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
        { name: "revenue", type: "decimal(38,2)", description: "Revenue." },
      ],
    },
  ],
};

const SQL = "SELECT dt, sum(amount) AS revenue\nFROM orders\nGROUP BY dt\n";

function shopProject(tests: string): string {
  return writeProject({
    "baikal.config.ts": configSource(),
    "domains/shop/domain.ts": domainSource(SHOP),
    "domains/shop/views/daily_revenue.sql": SQL,
    "domains/shop/tests/daily_revenue.ts": tests,
  });
}

async function problems(root: string): Promise<string[]> {
  const project = await loadProject(root);
  try {
    await loadUnitTests(project);
  } catch (error) {
    if (error instanceof DeclarationError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error("expected problems");
}

describe("loading unit tests", () => {
  it("types given and expected rows by the declarations", async () => {
    const root = shopProject(`import { defineUnitTests } from "@baikal/platform/declare";
export default defineUnitTests([
  {
    name: "adds up a day's orders",
    view: "daily_revenue",
    given: { orders: [{ order_id: 1, amount: 12.5, placed_at: "2024-05-01T09:00:00Z", items: [{ sku: "a", qty: 2 }], dt: "2024-05-01" }] },
    expect: [{ dt: "2024-05-01", revenue: "12.5" }],
  },
]);
`);
    const [test] = await loadUnitTests(await loadProject(root));
    expect(test).toMatchObject({ file: "domains/shop/tests/daily_revenue.ts", line: 4, name: "adds up a day's orders", domain: "shop", expectedColumns: ["dt", "revenue"] });
    expect(test!.relations).toEqual([
      {
        shape: expect.objectContaining({ id: "shop.orders" }),
        rows: [{ order_id: "1", amount: "12.50", placed_at: "2024-05-01 09:00:00.000", items: [{ sku: "a", qty: "2" }], dt: "2024-05-01" }],
      },
    ]);
    expect(test!.expected).toEqual([{ dt: "2024-05-01", revenue: "12.50" }]);
  });

  it("fails with file:line for unknown columns, wrong values, missing required columns and relations the view does not read", async () => {
    const root = shopProject(`import { defineUnitTests } from "@baikal/platform/declare";
export default defineUnitTests([
  {
    name: "wrong in every way",
    view: "daily_revenue",
    given: {
      orders: [
        { order_id: "one", amount: 1.234, dt: "2024-05-01" },
        { amount: 1, placed_at: "2024-05-01 09:00:00.123456", dt: "2024-05-01" },
        { order_id: 3, item: [], dt: "2024-05-01" },
      ],
      customers: [],
    },
    expect: [{ dt: "2024-05-01", revenu: 1 }],
  },
  { name: "a typo in the view", view: "daily_revenu", expect: [] },
]);
`);
    expect(await problems(root)).toEqual([
      'domains/shop/tests/daily_revenue.ts:8:21: [0].given.orders[0].order_id: expected bigint (a whole number), got "one"',
      "domains/shop/tests/daily_revenue.ts:8:36: [0].given.orders[0].amount: 1.234 has 3 decimals; decimal(10,2) holds 2",
      'domains/shop/tests/daily_revenue.ts:9:9: [0].given.orders[1]: the required column "order_id" of shop.orders is missing; producers always send it, so give it a value',
      'domains/shop/tests/daily_revenue.ts:9:33: [0].given.orders[1].placed_at: "2024-05-01 09:00:00.123456" has more than milliseconds; Athena reads Hive timestamps with millisecond precision',
      'domains/shop/tests/daily_revenue.ts:10:24: [0].given.orders[2].item: unknown column "item" in shop.orders; did you mean "items"? (columns: order_id, amount, placed_at, items, dt)',
      'domains/shop/tests/daily_revenue.ts:12:7: [0].given.customers: shop.daily_revenue does not read "customers"; give rows only for what it reads (orders)',
      'domains/shop/tests/daily_revenue.ts:14:42: [0].expect[0].revenu: unknown column "revenu" in the output of shop.daily_revenue; did you mean "revenue"? (columns: dt, revenue)',
      'domains/shop/tests/daily_revenue.ts:16:39: [1].view: shop has no view "daily_revenu"; did you mean "daily_revenue"? (views: daily_revenue)',
    ]);
  });

  it("fails when a file does not export defineUnitTests, or a test names neither view nor transform", async () => {
    const root = shopProject(`import { defineUnitTests } from "@baikal/platform/declare";
export default defineUnitTests([{ name: "nothing under test", expect: [] }]);
`);
    expect(await problems(root)).toEqual(["domains/shop/tests/daily_revenue.ts:2:33: [0].view: name exactly one of view or transform"]);
    const plain = shopProject("export default [];\n");
    expect(await problems(plain)).toEqual(['domains/shop/tests/daily_revenue.ts: must `export default defineUnitTests([...])` from "@baikal/platform/declare"']);
  });
});
