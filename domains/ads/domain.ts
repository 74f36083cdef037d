import { defineDomain } from "@baikal/platform/declare";

/** What a grant of campaign_performance gives beyond its output: the raw columns it joins on, filters and sums. */
const CAMPAIGN_PERFORMANCE_READS = [
  "ads.campaigns.campaign_id",
  "ads.campaigns.daily_budget_jpy",
  "ads.impressions.impression_id",
  "ads.impressions.article_id",
  "ads.impressions.bid_price_jpy",
  "ads.clicks.click_id",
  "ads.clicks.impression_id",
  "ads.clicks.dt",
  "news.articles.article_id",
  "news.articles.category",
  "news.articles.snapshot_date",
];

export default defineDomain({
  name: "ads",
  description: "Ad delivery: impressions, clicks and campaigns served in the Newsly app. Owned by the ads team (#ads-dev).",
  owners: ["@newsly/ads"],
  tables: [
    {
      name: "impressions",
      description: "One row per ad shown, logged by the ad server.",
      zone: "raw",
      format: "jsonl",
      tags: { classification: "internal" },
      columns: [
        { name: "impression_id", type: "string", description: "Unique id of the impression.", required: true },
        { name: "campaign_id", type: "bigint", description: "Campaign the ad belongs to (ads.campaigns.campaign_id).", required: true },
        { name: "creative_id", type: "bigint", description: "Creative shown." },
        {
          name: "user_id",
          type: "bigint",
          description: "Pseudonymous reader id (same space as news.article_views.user_id).",
          tags: { classification: "pii" },
        },
        { name: "placement", type: "string", description: "Slot in the app: feed_inline, article_bottom or interstitial." },
        { name: "article_id", type: "bigint", description: "Article the ad was shown on (news.articles.article_id); null in the feed." },
        { name: "shown_at", type: "timestamp", description: "When the ad was rendered, UTC.", required: true },
        { name: "bid_price_jpy", type: "decimal(12,4)", description: "Winning bid in yen per impression." },
      ],
      partitionKeys: [
        { name: "dt", description: "Day the impression was logged (JST).", projection: { type: "date", format: "yyyy-MM-dd", range: ["2023-01-01", "NOW"] } },
        { name: "hour", type: "int", description: "Hour of the day, 00-23.", projection: { type: "integer", range: [0, 23], digits: 2 } },
      ],
    },
    {
      name: "clicks",
      description: "One row per click on an ad.",
      zone: "raw",
      format: "jsonl",
      columns: [
        { name: "click_id", type: "string", description: "Unique id of the click.", required: true },
        { name: "impression_id", type: "string", description: "Impression clicked (ads.impressions.impression_id).", required: true },
        { name: "clicked_at", type: "timestamp", description: "When the reader clicked, UTC.", required: true },
      ],
      partitionKeys: [
        { name: "dt", description: "Day the click was logged (JST).", projection: { type: "date", format: "yyyy-MM-dd", range: ["2023-01-01", "NOW"] } },
      ],
    },
    {
      name: "campaigns",
      description: "Campaign master exported nightly from the ad server's admin database.",
      zone: "raw",
      format: "csv",
      csv: { delimiter: ",", headerLines: 1 },
      tags: { classification: "internal" },
      columns: [
        { name: "campaign_id", type: "bigint", description: "Campaign id.", required: true },
        { name: "advertiser_id", type: "string", description: "Advertiser running the campaign." },
        { name: "campaign_name", type: "string", description: "Name shown in the ad console." },
        { name: "starts_on", type: "date", description: "First delivery day." },
        { name: "ends_on", type: "date", description: "Last delivery day." },
        { name: "daily_budget_jpy", type: "decimal(12,0)", description: "Daily budget in yen." },
      ],
    },
    {
      name: "advertiser_reports",
      description: "Per-advertiser delivery reports written for the partner portal; always query one advertiser.",
      zone: "curated",
      format: "parquet",
      columns: [
        { name: "report_date", type: "date", description: "Day the report covers.", required: true },
        { name: "campaign_id", type: "bigint", description: "Campaign." },
        { name: "impressions", type: "bigint", description: "Impressions that day." },
        { name: "clicks", type: "bigint", description: "Clicks that day." },
        { name: "spend_jpy", type: "decimal(14,2)", description: "Spend in yen." },
      ],
      partitionKeys: [
        { name: "advertiser_id", description: "Advertiser; queries must name it in WHERE.", projection: { type: "injected" } },
      ],
      // A row filter: one advertiser's rows, without the spend.
      rowFilters: [{ name: "advertiser_001", expression: "advertiser_id = 'adv-001'", excludeColumns: ["spend_jpy"] }],
    },
  ],
  views: [
    {
      name: "campaign_ctr",
      description: "Impressions, clicks and click-through rate per campaign, day and article category.",
      published: true,
      columns: [
        { name: "dt", type: "string", description: "Day (JST)." },
        { name: "campaign_id", type: "bigint", description: "Campaign." },
        { name: "article_category", type: "string", description: "Category of the article the ad was shown on; null in the feed." },
        { name: "impression_count", type: "bigint", description: "Ads shown." },
        { name: "click_count", type: "bigint", description: "Ads clicked." },
        { name: "ctr", type: "double", description: "click_count / impression_count." },
      ],
    },
    {
      name: "daily_spend",
      description: "What each campaign spent per day, at the winning bid price.",
      columns: [
        { name: "dt", type: "string", description: "Day (JST)." },
        { name: "campaign_id", type: "bigint", description: "Campaign." },
        { name: "spend_jpy", type: "decimal(38,4)", description: "Sum of winning bids in yen." },
      ],
    },
    {
      name: "campaign_performance",
      description: "One row per campaign and day: spend, delivery and clicks against the daily budget.",
      published: true,
      columns: [
        { name: "dt", type: "string", description: "Day (JST)." },
        { name: "campaign_id", type: "bigint", description: "Campaign." },
        { name: "campaign_name", type: "string", description: "Name in the ad console." },
        { name: "spend_jpy", type: "decimal(38,4)", description: "Spend in yen." },
        { name: "budget_used", type: "double", description: "spend_jpy / daily_budget_jpy; above 1 means overspend." },
        { name: "impression_count", type: "bigint", description: "Ads shown." },
        { name: "click_count", type: "bigint", description: "Ads clicked." },
      ],
    },
    {
      name: "campaign_performance_crm",
      description: "The last 7 days of campaign performance, one row per campaign and day, keyed for the CRM.",
      columns: [
        { name: "campaign_day_key", type: "string", description: "campaign_id:dt, the CRM record's external id." },
        { name: "dt", type: "string", description: "Day (JST)." },
        { name: "campaign_id", type: "bigint", description: "Campaign." },
        { name: "campaign_name", type: "string", description: "Name in the ad console." },
        { name: "spend_jpy", type: "decimal(38,4)", description: "Spend in yen." },
        { name: "budget_used", type: "double", description: "spend_jpy / daily_budget_jpy." },
        { name: "impression_count", type: "bigint", description: "Ads shown." },
        { name: "click_count", type: "bigint", description: "Ads clicked." },
      ],
    },
  ],
  exports: [
    // Account managers see each campaign's delivery in Salesforce, next to the advertiser's account.
    {
      name: "campaign_performance_crm",
      description: "Upserts the last 7 days of campaign performance into the CRM's Campaign_Performance__c object every morning.",
      view: "campaign_performance_crm",
      schedule: { expression: "cron(30 6 * * ? *)", timezone: "Asia/Tokyo" },
      destination: {
        kind: "salesforce",
        object: "Campaign_Performance__c",
        operation: "upsert",
        externalIdField: "Campaign_Day_Key__c",
        mapping: {
          campaign_day_key: "Campaign_Day_Key__c",
          dt: "Day__c",
          campaign_id: "Campaign_Id__c",
          campaign_name: "Name",
          spend_jpy: "Spend_JPY__c",
          budget_used: "Budget_Used__c",
          impression_count: "Impressions__c",
          click_count: "Clicks__c",
        },
        connectorProfile: "newsly-salesforce",
      },
    },
  ],
  grants: [
    // Redash reads the campaign master, but not the budgets.
    { to: "redash", table: "campaigns", columns: ["campaign_id", "advertiser_id", "campaign_name", "starts_on", "ends_on"] },
    // Analysts read impressions without the reader id (tagged pii).
    { to: "analysts", table: "impressions", excludeColumns: ["user_id"] },
    // QuickSight authors read the performance view. Athena runs it with their own permissions, so they also get the
    // columns it joins, filters and sums over, down to news.articles: acknowledged here, or the grant is refused.
    { to: "quicksight_authors", view: "campaign_performance", acknowledgeBaseColumns: CAMPAIGN_PERFORMANCE_READS },
    // Data science reads everything of ads tagged internal or pii.
    { to: "data_science", tags: { classification: ["internal", "pii"] } },
    { to: "redash", table: "advertiser_reports", rowFilter: "advertiser_001" },
  ],
  datasets: [
    // Queried live, so sales see today's spend as it lands.
    {
      name: "campaign_performance",
      description: "Campaign spend, delivery and clicks against budget, for the sales dashboard.",
      view: "campaign_performance",
      mode: "DIRECT_QUERY",
      readers: ["quicksight_authors"],
      acknowledgeBaseColumns: CAMPAIGN_PERFORMANCE_READS,
    },
  ],
});
