import { defineUnitTests } from "@baikal/platform/declare";

const delivery = (dt: string, campaign_id: number, article_category: string | null, impression_count: number, click_count: number) => ({
  dt,
  campaign_id,
  article_category,
  impression_count,
  click_count,
});

export default defineUnitTests([
  {
    name: "puts each day's spend against the campaign's budget, with that day's delivery summed over categories",
    view: "campaign_performance",
    given: {
      daily_spend: [
        { dt: "2024-05-01", campaign_id: 1, spend_jpy: "5000.0000" },
        { dt: "2024-05-01", campaign_id: 2, spend_jpy: "100.0000" },
      ],
      campaigns: [
        { campaign_id: 1, campaign_name: "Spring sale", daily_budget_jpy: 10000 },
        { campaign_id: 2, campaign_name: "Brand", daily_budget_jpy: 0 }, // no budget: no ratio
      ],
      campaign_ctr: [
        delivery("2024-05-01", 1, "politics", 10, 1),
        delivery("2024-05-01", 1, null, 5, 2),
        delivery("2024-05-02", 1, "politics", 7, 7), // another day
      ],
    },
    expect: [
      { dt: "2024-05-01", campaign_id: 1, campaign_name: "Spring sale", spend_jpy: "5000.0000", budget_used: 0.5, impression_count: 15, click_count: 3 },
      { dt: "2024-05-01", campaign_id: 2, campaign_name: "Brand", spend_jpy: "100.0000", budget_used: null, impression_count: null, click_count: null },
    ],
  },
]);
