import { defineUnitTests } from "@baikal/platform/declare";

const order = (order_id: number, status: string, amount_jpy: number, dt: string) => ({ order_id, status, amount_jpy, dt });

export default defineUnitTests([
  {
    name: "counts today's orders per status, today being the date in Tokyo",
    view: "booked_orders",
    // 16:00 UTC on May 1st is already May 2nd in Tokyo.
    now: "2024-05-01T16:00:00Z",
    given: {
      insertion_orders: [
        order(1, "booked", 1000, "2024-05-02"),
        order(2, "booked", 2500, "2024-05-02"),
        order(3, "live", 700, "2024-05-02"),
        order(4, "booked", 9999, "2024-05-01"), // yesterday's export
      ],
    },
    expect: [
      { status: "booked", order_count: 2, amount_jpy: 3500 },
      { status: "live", order_count: 1, amount_jpy: 700 },
    ],
  },
]);
