import { defineUnitTests } from "@baikal/platform/declare";

const opportunity = (opportunity_id: string, account_id: string, stage: string, amount_jpy: number, snapshot_date: string) => ({
  opportunity_id,
  account_id,
  stage,
  amount_jpy,
  snapshot_date,
});

export default defineUnitTests([
  {
    name: "sums today's open opportunities per stage and the segment of today's account snapshot",
    view: "open_pipeline",
    now: "2024-05-02T01:00:00Z",
    given: {
      crm_opportunities: [
        opportunity("o1", "A", "negotiation", 100, "2024-05-02"),
        opportunity("o5", "A", "negotiation", 200, "2024-05-02"),
        opportunity("o2", "A", "closed_won", 50, "2024-05-02"),
        opportunity("o3", "B", "prospecting", 30, "2024-05-02"),
        opportunity("o4", "A", "negotiation", 999, "2024-05-01"),
      ],
      crm_accounts: [
        { account_id: "A", segment: "enterprise", snapshot_date: "2024-05-02" },
        { account_id: "A", segment: "smb", snapshot_date: "2024-05-01" }, // before the upgrade
        { account_id: "B", segment: "smb", snapshot_date: "2024-05-02" },
      ],
    },
    expect: [
      { stage: "negotiation", segment: "enterprise", opportunity_count: 2, amount_jpy: 300 },
      { stage: "prospecting", segment: "smb", opportunity_count: 1, amount_jpy: 30 },
    ],
  },
]);
