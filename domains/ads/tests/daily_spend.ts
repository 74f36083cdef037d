import { defineUnitTests } from "@baikal/platform/declare";

const impression = (impression_id: string, campaign_id: number, bid_price_jpy: string, dt: string) => ({
  impression_id,
  campaign_id,
  shown_at: `${dt} 10:00:00`,
  bid_price_jpy,
  dt,
  hour: 10,
});

export default defineUnitTests([
  {
    name: "adds up winning bids exactly, per campaign and day",
    view: "daily_spend",
    given: {
      impressions: [
        impression("i1", 1, "1.2500", "2024-05-01"),
        impression("i2", 1, "2.5000", "2024-05-01"),
        impression("i3", 1, "0.0001", "2024-05-02"),
        impression("i4", 2, "0.1000", "2024-05-01"),
      ],
    },
    expect: [
      { dt: "2024-05-01", campaign_id: 1, spend_jpy: "3.7500" },
      { dt: "2024-05-02", campaign_id: 1, spend_jpy: "0.0001" },
      { dt: "2024-05-01", campaign_id: 2, spend_jpy: "0.1000" },
    ],
  },
]);
