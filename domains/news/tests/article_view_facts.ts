import { defineUnitTests } from "@baikal/platform/declare";

const view = (event_id: string, client_sent_at: string, referrer: string | null, dt = "2024-05-01") => ({
  event_id,
  user_id: 7,
  article_id: 10,
  viewed_at: `${dt} 09:00:00`,
  dwell_time_ms: 1200,
  referrer,
  client_sent_at,
  device: { os: "ios", app_version: "5.2.0" },
  dt,
});

export default defineUnitTests([
  {
    name: "keeps the first copy of each retried event of the run date, with an unknown referrer spelled out",
    transform: "article_view_facts",
    runDate: "2024-05-01",
    given: {
      article_views: [
        view("e1", "2024-05-01T18:00:05+09:00", "feed"),
        view("e1", "2024-05-01T18:00:09+09:00", "push"), // the app's retry of e1
        view("e2", "2024-05-01T18:10:00+09:00", null),
        view("e4", "2024-05-01T18:20:00+09:00", "share"),
        view("e4", "2024-05-01T18:20:00+09:00", "share"), // sent twice at the same instant: still one fact
        view("e3", "2024-04-30T18:10:00+09:00", "search", "2024-04-30"), // another day's partition
      ],
    },
    expect: [
      { event_id: "e1", user_id: 7, article_id: 10, viewed_at: "2024-05-01 09:00:00", dwell_time_ms: 1200, referrer: "feed", os: "ios", dt: "2024-05-01" },
      { event_id: "e2", user_id: 7, article_id: 10, viewed_at: "2024-05-01 09:00:00", dwell_time_ms: 1200, referrer: "unknown", os: "ios", dt: "2024-05-01" },
      { event_id: "e4", user_id: 7, article_id: 10, viewed_at: "2024-05-01 09:00:00", dwell_time_ms: 1200, referrer: "share", os: "ios", dt: "2024-05-01" },
    ],
  },
]);
