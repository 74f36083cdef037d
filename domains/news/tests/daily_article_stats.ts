import { defineUnitTests } from "@baikal/platform/declare";

const fact = (event_id: string, user_id: number, article_id: number, dwell_time_ms: number | null, dt = "2024-05-01") => ({
  event_id,
  user_id,
  article_id,
  viewed_at: `${dt} 09:00:00`,
  dwell_time_ms,
  dt,
});

export default defineUnitTests([
  {
    name: "counts views, distinct readers and mean dwell time per article for the run date only",
    transform: "daily_article_stats",
    runDate: "2024-05-01",
    given: {
      article_view_facts: [
        fact("e1", 1, 10, 1000),
        fact("e2", 1, 10, 3000),
        fact("e3", 2, 10, null),
        fact("e4", 3, 11, 500),
        fact("e5", 4, 11, 800, "2024-05-02"),
      ],
    },
    expect: [
      { article_id: 10, view_count: 3, reader_count: 2, avg_dwell_time_ms: 2000, dt: "2024-05-01" },
      { article_id: 11, view_count: 1, reader_count: 1, avg_dwell_time_ms: 500, dt: "2024-05-01" },
    ],
  },
]);
