import { defineUnitTests } from "@baikal/platform/declare";

export default defineUnitTests([
  {
    name: "ranks articles by views within each day, ties sharing a rank",
    view: "article_daily_rank",
    given: {
      daily_article_stats: [
        { article_id: 10, view_count: 10, dt: "2024-05-01" },
        { article_id: 11, view_count: 10, dt: "2024-05-01" },
        { article_id: 12, view_count: 5, dt: "2024-05-01" },
        { article_id: 13, view_count: 3, dt: "2024-05-02" },
      ],
    },
    expect: [
      { dt: "2024-05-01", article_id: 10, view_count: 10, daily_rank: 1 },
      { dt: "2024-05-01", article_id: 11, view_count: 10, daily_rank: 1 },
      { dt: "2024-05-01", article_id: 12, view_count: 5, daily_rank: 3 },
      { dt: "2024-05-02", article_id: 13, view_count: 3, daily_rank: 1 },
    ],
  },
]);
