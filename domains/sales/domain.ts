import { defineDomain, type PartitionKeyInput } from "@baikal/platform/declare";

const snapshotDate: PartitionKeyInput = {
  name: "snapshot_date",
  description: "Day of the CRM export.",
  projection: { type: "date", format: "yyyy-MM-dd", range: ["NOW-3YEARS", "NOW"] },
};

export default defineDomain({
  name: "sales",
  description: "Publisher and advertiser accounts from the CRM. Owned by sales operations (#sales-ops).",
  owners: ["@newsly/sales-ops"],
  tables: [
    {
      name: "crm_accounts",
      description: "Daily export of the CRM's account object.",
      zone: "raw",
      location: "crm/accounts/",
      format: "csv",
      columns: [
        { name: "account_id", type: "string", description: "CRM account id.", required: true },
        { name: "account_name", type: "string", description: "Company name." },
        { name: "industry", type: "string", description: "Industry as classified by sales." },
        { name: "segment", type: "string", description: "enterprise, mid_market or smb." },
        { name: "owner_email", type: "string", description: "Account owner's work e-mail.", tags: { classification: "pii" } },
        { name: "created_on", type: "date", description: "Day the account was created in the CRM." },
      ],
      partitionKeys: [snapshotDate],
    },
    {
      name: "crm_opportunities",
      description: "Daily export of the CRM's opportunity object.",
      zone: "raw",
      location: "crm/opportunities/",
      format: "csv",
      columns: [
        { name: "opportunity_id", type: "string", description: "CRM opportunity id.", required: true },
        { name: "account_id", type: "string", description: "Account (sales.crm_accounts.account_id)." },
        { name: "stage", type: "string", description: "Pipeline stage, e.g. prospecting, negotiation, closed_won." },
        { name: "amount_jpy", type: "decimal(14,0)", description: "Expected contract value in yen." },
        { name: "close_on", type: "date", description: "Expected or actual close day." },
      ],
      partitionKeys: [snapshotDate],
    },
    {
      name: "monthly_revenue",
      description: "Recognised revenue per account and month, by sales region.",
      zone: "curated",
      format: "parquet",
      columns: [
        { name: "account_id", type: "string", description: "Account.", required: true },
        { name: "revenue_month", type: "date", description: "First day of the month.", required: true },
        { name: "revenue_jpy", type: "decimal(14,0)", description: "Recognised revenue in yen." },
      ],
      rowFilters: [{ name: "japan_only", expression: "sales_region = 'jp'" }],
      partitionKeys: [
        { name: "sales_region", description: "Sales region of the account.", projection: { type: "enum", values: ["jp", "apac", "na", "emea"] } },
      ],
    },
  ],
  // The order management database (PostgreSQL on RDS), exported every morning from its latest automated snapshot.
  ingestions: [
    {
      kind: "rds-snapshot-export",
      name: "orders_db",
      description: "Daily export of the order management database from its latest automated snapshot.",
      source: { instance: "orders-prod" },
      schedule: { expression: "cron(0 5 * * ? *)", timezone: "Asia/Tokyo" },
      since: "2024-06-01",
      tables: [
        {
          name: "insertion_orders",
          description: "Insertion orders as booked by sales, one row per order, as of the day's snapshot.",
          source: { database: "orders", schema: "public", table: "insertion_orders" },
          columns: [
            { name: "order_id", type: "bigint", description: "Order id.", required: true },
            { name: "account_id", type: "string", description: "CRM account (sales.crm_accounts.account_id)." },
            { name: "status", type: "string", description: "draft, booked, live, completed or cancelled." },
            { name: "amount_jpy", type: "decimal(14,0)", description: "Booked value in yen." },
            { name: "booked_at", type: "timestamp", description: "When the order was booked." },
          ],
        },
      ],
    },
  ],
  views: [
    {
      name: "booked_orders",
      description: "Today's insertion orders per status, from the morning's export of the order database.",
      columns: [
        { name: "status", type: "string", description: "Order status." },
        { name: "order_count", type: "bigint", description: "Orders." },
        { name: "amount_jpy", type: "decimal(38,0)", description: "Booked value in yen." },
      ],
    },
    {
      name: "open_pipeline",
      description: "Today's open pipeline per stage and segment, from the latest CRM snapshot.",
      columns: [
        { name: "stage", type: "string", description: "Pipeline stage." },
        { name: "segment", type: "string", description: "Account segment." },
        { name: "opportunity_count", type: "bigint", description: "Open opportunities." },
        { name: "amount_jpy", type: "decimal(38,0)", description: "Expected value in yen." },
      ],
    },
    {
      name: "quarterly_revenue",
      description: "Recognised revenue per account and calendar quarter.",
      published: true,
      columns: [
        { name: "account_id", type: "string", description: "Account." },
        { name: "quarter_start", type: "date", description: "First day of the quarter." },
        { name: "quarter_label", type: "string", description: "Quarter as shown in reports, e.g. 2024-Q2." },
        { name: "revenue_jpy", type: "decimal(38,0)", description: "Recognised revenue in yen." },
      ],
    },
  ],
  exports: [
    // The sales team reviews the open pipeline in their own spreadsheet every weekday morning.
    {
      name: "pipeline_sheet",
      description: "Today's open pipeline per stage and segment, for the sales team's morning review spreadsheet.",
      view: "open_pipeline",
      schedule: { expression: "cron(0 8 ? * MON-FRI *)", timezone: "Asia/Tokyo" },
      destination: { kind: "google-sheets", spreadsheetId: "1pXq7VnB3sK9dL2mR8tY4wZ6cF0hJ5gN1aE3uI7oQ2sM", sheet: "Open pipeline", mode: "replace" },
    },
  ],
  grants: [
    { to: "analysts", table: "crm_accounts", excludeColumns: ["owner_email"] },
    { to: "data_science", table: "crm_accounts" },
    // Analysts see Japan's revenue only.
    { to: "analysts", table: "monthly_revenue", rowFilter: "japan_only" },
    // The quarterly view sums monthly revenue, so its readers also get the monthly figures it adds up.
    { to: "quicksight_authors", view: "quarterly_revenue", acknowledgeBaseColumns: ["sales.monthly_revenue.revenue_month", "sales.monthly_revenue.revenue_jpy"] },
  ],
});
