import { defineUnitTests } from "@baikal/platform/declare";

const view = (event_id: string, user_id: number, dwell_time_ms: number | null, dt: string) => ({
  event_id,
  user_id,
  article_id: 10,
  viewed_at: `${dt} 09:00:00`,
  dwell_time_ms,
  dt,
});

export default defineUnitTests([
  {
    name: "counts opens and distinct readers per day, and averages only the dwell times reported",
    view: "daily_article_kpis",
    given: {
      article_views: [
        view("e1", 1, 1000, "2024-05-01"),
        view("e2", 1, 2000, "2024-05-01"),
        view("e3", 2, null, "2024-05-01"),
        view("e4", 3, 4000, "2024-05-02"),
      ],
    },
    expect: [
      { dt: "2024-05-01", view_count: 3, reader_count: 2, avg_dwell_time_ms: 1500 },
      { dt: "2024-05-02", view_count: 1, reader_count: 1, avg_dwell_time_ms: 4000 },
    ],
  },
]);
