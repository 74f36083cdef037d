import { defineUnitTests } from "@baikal/platform/declare";

const impression = (impression_id: string, campaign_id: number, article_id: number | null, dt: string) => ({
  impression_id,
  campaign_id,
  article_id,
  shown_at: `${dt} 10:00:00`,
  dt,
  hour: 10,
});

export default defineUnitTests([
  {
    name: "counts impressions and same-day clicks per campaign and article category",
    view: "campaign_ctr",
    given: {
      impressions: [
        impression("i1", 1, 10, "2024-05-01"),
        impression("i2", 1, 10, "2024-05-01"),
        impression("i3", 1, null, "2024-05-01"), // shown in the feed: no article
        impression("i4", 2, 11, "2024-05-02"),
      ],
      clicks: [
        { click_id: "c1", impression_id: "i1", clicked_at: "2024-05-01 10:00:05", dt: "2024-05-01" },
        { click_id: "c3", impression_id: "i2", clicked_at: "2024-05-01 10:00:09", dt: "2024-05-01" },
        // A click logged in the next day's partition belongs to that day, not to i1's.
        { click_id: "c2", impression_id: "i1", clicked_at: "2024-05-02 00:00:01", dt: "2024-05-02" },
      ],
      "news.articles": [
        { article_id: 10, category: "politics", snapshot_date: "2024-05-01" },
        { article_id: 10, category: "sports", snapshot_date: "2024-05-02" },
        { article_id: 11, category: "world", snapshot_date: "2024-05-02" },
      ],
    },
    expect: [
      { dt: "2024-05-01", campaign_id: 1, article_category: "politics", impression_count: 2, click_count: 2, ctr: 1 },
      { dt: "2024-05-01", campaign_id: 1, article_category: null, impression_count: 1, click_count: 0, ctr: 0 },
      { dt: "2024-05-02", campaign_id: 2, article_category: "world", impression_count: 1, click_count: 0, ctr: 0 },
    ],
  },
]);
