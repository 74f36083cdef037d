import { defineUnitTests } from "@baikal/platform/declare";

const day = (dt: string, campaign_id: number, spend_jpy: string) => ({ dt, campaign_id, campaign_name: `Campaign ${campaign_id}`, spend_jpy, budget_used: 0.5, impression_count: 10, click_count: 1 });

export default defineUnitTests([
  {
    name: "sends today in Tokyo and the six days before it, each keyed campaign_id:dt for the CRM's upsert",
    view: "campaign_performance_crm",
    // 16:00 UTC on May 7th is already May 8th in Tokyo: the week is May 2nd to 8th.
    now: "2024-05-07T16:00:00Z",
    given: {
      campaign_performance: [day("2024-05-01", 1, "100.0000"), day("2024-05-02", 1, "200.0000"), day("2024-05-08", 2, "300.0000")],
    },
    expect: [
      { campaign_day_key: "1:2024-05-02", ...day("2024-05-02", 1, "200.0000") },
      { campaign_day_key: "2:2024-05-08", ...day("2024-05-08", 2, "300.0000") },
    ],
  },
]);
