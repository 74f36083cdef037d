import { defineUnitTests } from "@baikal/platform/declare";

const view = (event_id: string, article_id: number, dt: string) => ({ event_id, user_id: 1, article_id, viewed_at: `${dt} 09:00:00`, dt });

export default defineUnitTests([
  {
    name: "counts a view once for each tag its article carried in that day's snapshot",
    view: "tag_daily_views",
    given: {
      article_views: [view("e1", 10, "2024-05-01"), view("e2", 10, "2024-05-02"), view("e3", 11, "2024-05-01")],
      articles: [
        { article_id: 10, tags: ["politics", "japan"], snapshot_date: "2024-05-01" },
        // The editors dropped a tag overnight: the second day's view counts only the remaining one.
        { article_id: 10, tags: ["politics"], snapshot_date: "2024-05-02" },
        { article_id: 11, tags: ["sports"], snapshot_date: "2024-05-01" },
      ],
    },
    expect: [
      { dt: "2024-05-01", tag: "politics", view_count: 1 },
      { dt: "2024-05-01", tag: "japan", view_count: 1 },
      { dt: "2024-05-01", tag: "sports", view_count: 1 },
      { dt: "2024-05-02", tag: "politics", view_count: 1 },
    ],
  },
]);
