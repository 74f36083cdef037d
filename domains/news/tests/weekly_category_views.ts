import { defineUnitTests } from "@baikal/platform/declare";

const view = (event_id: string, article_id: number, dt: string) => ({ event_id, user_id: 1, article_id, viewed_at: `${dt} 09:00:00`, dt });

export default defineUnitTests([
  {
    name: "sums views per category over Monday-based weeks, by the category of each day's snapshot",
    view: "weekly_category_views",
    given: {
      article_views: [
        view("e1", 10, "2024-05-01"), // Wednesday
        view("e2", 10, "2024-05-01"),
        view("e3", 11, "2024-05-05"), // Sunday, same week
        view("e4", 11, "2024-05-06"), // Monday, next week
      ],
      articles: [
        { article_id: 10, category: "politics", snapshot_date: "2024-05-01" },
        { article_id: 10, category: "world", snapshot_date: "2024-05-05" },
        { article_id: 11, category: "politics", snapshot_date: "2024-05-05" },
        { article_id: 11, category: "politics", snapshot_date: "2024-05-06" },
      ],
    },
    expect: [
      { category: "politics", week_start: "2024-04-29 00:00:00", view_count: 3 },
      { category: "politics", week_start: "2024-05-06 00:00:00", view_count: 1 },
    ],
  },
]);
