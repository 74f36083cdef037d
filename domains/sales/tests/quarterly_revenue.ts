import { defineUnitTests } from "@baikal/platform/declare";

const month = (account_id: string, revenue_month: string, revenue_jpy: number) => ({ account_id, revenue_month, revenue_jpy, sales_region: "jp" });

export default defineUnitTests([
  {
    name: "adds up each account's months into calendar quarters with a readable label",
    view: "quarterly_revenue",
    given: {
      monthly_revenue: [month("X", "2024-04-01", 100), month("X", "2024-05-01", 200), month("X", "2024-07-01", 50), month("Y", "2024-06-01", 10)],
    },
    expect: [
      { account_id: "X", quarter_start: "2024-04-01", quarter_label: "2024-Q2", revenue_jpy: 300 },
      { account_id: "X", quarter_start: "2024-07-01", quarter_label: "2024-Q3", revenue_jpy: 50 },
      { account_id: "Y", quarter_start: "2024-04-01", quarter_label: "2024-Q2", revenue_jpy: 10 },
    ],
  },
]);
