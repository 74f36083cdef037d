import { defineDomain, type PartitionKeyInput } from "@baikal/platform/declare";

const dt: PartitionKeyInput = {
  name: "dt",
  description: "Day the event was received, in JST (yyyy-MM-dd).",
  projection: { type: "date", format: "yyyy-MM-dd", range: ["2023-01-01", "NOW"] },
};

/** What a grant of daily_article_kpis gives beyond its output: the columns it counts and averages. */
const DAILY_KPI_READS = ["news.article_views.user_id", "news.article_views.dwell_time_ms"];

export default defineDomain({
  name: "news",
  description: "Articles and how readers use them in the Newsly app. Owned by the news backend team; ask in #news-backend.",
  owners: ["@newsly/news-backend"],
  tables: [
    {
      name: "article_views",
      description: "One row per article opened in the app, as the app reports it through the event collector.",
      zone: "raw",
      format: "jsonl",
      tags: { classification: "internal" },
      columns: [
        { name: "event_id", type: "string", description: "Unique id of the event, set by the app (UUID v4).", required: true },
        { name: "user_id", type: "bigint", description: "Pseudonymous reader id; not joinable to account data.", required: true },
        { name: "article_id", type: "bigint", description: "Article opened (news.articles.article_id).", required: true },
        { name: "viewed_at", type: "timestamp", description: "When the article was opened, UTC.", required: true },
        { name: "dwell_time_ms", type: "int", description: "Milliseconds the article stayed on screen; null when the app was killed." },
        { name: "referrer", type: "string", description: "Where the reader came from: feed, push, search or share." },
        { name: "client_sent_at", type: "string", description: "When the app sent the event, ISO 8601 with offset, as the device clock saw it." },
        { name: "device", type: "struct<os:string,app_version:string>", description: "Operating system and app version of the reader's device." },
      ],
      partitionKeys: [dt],
    },
    {
      name: "articles",
      description: "Daily snapshot of every published article, exported from the CMS.",
      published: true,
      zone: "raw",
      location: "cms/articles/",
      format: "parquet",
      tags: { classification: "public" },
      columns: [
        { name: "article_id", type: "bigint", description: "Article id in the CMS.", required: true },
        { name: "title", type: "string", description: "Headline as published." },
        { name: "category", type: "string", description: "Editorial category, e.g. politics, sports, entertainment." },
        { name: "publisher_id", type: "int", description: "Partner publisher that supplied the article." },
        { name: "published_at", type: "timestamp", description: "First publication time, UTC." },
        { name: "tags", type: "array<string>", description: "Editorial tags." },
      ],
      partitionKeys: [
        {
          name: "snapshot_date",
          description: "Day of the CMS export.",
          projection: { type: "date", format: "yyyy-MM-dd", range: ["NOW-2YEARS", "NOW"] },
        },
      ],
    },
    {
      name: "article_view_facts",
      description: "Article views cleaned for analysis: one row per event id, device fields flattened; built daily from article_views.",
      zone: "curated",
      format: "parquet",
      columns: [
        { name: "event_id", type: "string", description: "Unique id of the event.", required: true },
        { name: "user_id", type: "bigint", description: "Pseudonymous reader id.", required: true },
        { name: "article_id", type: "bigint", description: "Article opened.", required: true },
        { name: "viewed_at", type: "timestamp", description: "When the article was opened, UTC.", required: true },
        { name: "dwell_time_ms", type: "int", description: "Milliseconds on screen; null when unknown." },
        { name: "referrer", type: "string", description: "feed, push, search, share, or unknown." },
        { name: "os", type: "string", description: "Operating system of the reader's device." },
      ],
      partitionKeys: [dt],
    },
    {
      name: "daily_article_stats",
      description: "Views, readers and average dwell time per article and day; built from article_views.",
      zone: "curated",
      format: "parquet",
      columns: [
        { name: "article_id", type: "bigint", description: "Article id.", required: true },
        { name: "view_count", type: "bigint", description: "Article opens that day." },
        { name: "reader_count", type: "bigint", description: "Distinct readers that day." },
        { name: "avg_dwell_time_ms", type: "double", description: "Mean dwell time of views with a dwell time." },
      ],
      partitionKeys: [dt],
    },
  ],
  views: [
    {
      name: "daily_article_kpis",
      description: "Daily reading KPIs for the whole app: views, distinct readers and mean dwell time.",
      published: true,
      columns: [
        { name: "dt", type: "string", description: "Day (JST, yyyy-MM-dd)." },
        { name: "view_count", type: "bigint", description: "Article opens." },
        { name: "reader_count", type: "bigint", description: "Distinct readers (approximate, HyperLogLog)." },
        { name: "avg_dwell_time_ms", type: "double", description: "Mean dwell time of views that report one." },
      ],
    },
    {
      name: "article_daily_rank",
      description: "Each article's rank by views within its day.",
      columns: [
        { name: "dt", type: "string", description: "Day (JST)." },
        { name: "article_id", type: "bigint", description: "Article." },
        { name: "view_count", type: "bigint", description: "Article opens that day." },
        { name: "daily_rank", type: "bigint", description: "1 for the most read article of the day; ties share a rank." },
      ],
    },
    {
      name: "tag_daily_views",
      description: "Views per editorial tag and day; an article with three tags counts for each.",
      columns: [
        { name: "dt", type: "string", description: "Day (JST)." },
        { name: "tag", type: "string", description: "Editorial tag." },
        { name: "view_count", type: "bigint", description: "Opens of articles carrying the tag." },
      ],
    },
    {
      name: "weekly_category_views",
      description: "Views per editorial category and week (weeks start on Monday).",
      columns: [
        { name: "category", type: "string", description: "Editorial category." },
        { name: "week_start", type: "timestamp", description: "Monday 00:00 of the week." },
        { name: "view_count", type: "bigint", description: "Article opens that week." },
      ],
    },
    {
      name: "event_delivery_delay",
      description: "How late article-view events reach the collector, from the app's own send time.",
      columns: [
        { name: "dt", type: "string", description: "Day (JST)." },
        { name: "event_id", type: "string", description: "Event." },
        { name: "client_sent_at", type: "timestamp", description: "When the app sent the event, converted to UTC." },
        { name: "viewed_at", type: "timestamp", description: "When the article was opened, UTC." },
        { name: "delay_seconds", type: "bigint", description: "Seconds from viewed_at to client_sent_at; large values mean offline reading." },
      ],
    },
  ],
  transforms: [
    {
      name: "article_view_facts",
      description: "Deduplicates the day's raw article views and flattens the device.",
      target: "article_view_facts",
      mode: "incremental",
      // 04:30 JST builds yesterday's partition (lagDays defaults to 1).
      schedule: { expression: "cron(30 4 * * ? *)", timezone: "Asia/Tokyo" },
      tests: [
        { type: "unique", columns: ["event_id"] },
        { type: "not_null", column: "article_id" },
        { type: "accepted_values", column: "referrer", values: ["feed", "push", "search", "share", "unknown"] },
        { type: "row_count", min: 1 },
      ],
    },
    {
      // No schedule: it reads article_view_facts, so it runs right after that transform, for the same day.
      name: "daily_article_stats",
      description: "Views, readers and mean dwell time per article for the run date.",
      target: "daily_article_stats",
      mode: "incremental",
      tests: [
        { type: "unique", columns: ["article_id"] },
        { type: "not_null", column: "view_count" },
      ],
    },
  ],
  grants: [
    // Analysts read every news table tagged public or internal.
    { to: "analysts", tags: { classification: ["public", "internal"] } },
    // The KPIs count distinct readers and average dwell times, so a grant of the view also gives the raw reader ids
    // and dwell times of article_views (Athena runs the view with the reader's permissions): acknowledged.
    { to: "redash", view: "daily_article_kpis", acknowledgeBaseColumns: DAILY_KPI_READS },
    // Shared with the analytics account, where QuickSight runs (see baikal.config.ts), with the grant option.
    { to: "analytics_account", view: "daily_article_kpis", acknowledgeBaseColumns: DAILY_KPI_READS },
  ],
  datasets: [
    // Imported into SPICE after the 04:30 JST transforms; its readers get the view's grants, derived by lineage.
    {
      name: "daily_article_kpis",
      description: "Daily article KPIs for the editors' dashboard.",
      view: "daily_article_kpis",
      mode: "SPICE",
      refresh: { interval: "DAILY", timeOfDay: "06:00", timezone: "Asia/Tokyo" },
      readers: ["quicksight_authors"],
      acknowledgeBaseColumns: DAILY_KPI_READS,
    },
  ],
});
