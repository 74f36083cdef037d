import { defineDomain, type PartitionKeyInput } from "@baikal/platform/declare";

const dt: PartitionKeyInput = {
  name: "dt",
  description: "Day the event was received, in JST (yyyy-MM-dd).",
  projection: { type: "date", format: "yyyy-MM-dd", range: ["2023-01-01", "NOW"] },
};

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
      columns: [
        { name: "event_id", type: "string", description: "Unique id of the event, set by the app (UUID v4).", required: true },
        { name: "user_id", type: "bigint", description: "Pseudonymous reader id; not joinable to account data.", required: true },
        { name: "article_id", type: "bigint", description: "Article opened (news.articles.article_id).", required: true },
        { name: "viewed_at", type: "timestamp", description: "When the article was opened, UTC.", required: true },
        { name: "dwell_time_ms", type: "int", description: "Milliseconds the article stayed on screen; null when the app was killed." },
        { name: "referrer", type: "string", description: "Where the reader came from: feed, push, search or share." },
        { name: "device", type: "struct<os:string,app_version:string>", description: "Operating system and app version of the reader's device." },
      ],
      partitionKeys: [dt],
    },
    {
      name: "articles",
      description: "Daily snapshot of every published article, exported from the CMS.",
      zone: "raw",
      location: "cms/articles/",
      format: "parquet",
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
});
