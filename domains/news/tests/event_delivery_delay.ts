import { defineUnitTests } from "@baikal/platform/declare";

const view = (event_id: string, viewed_at: string, client_sent_at: string | null) => ({ event_id, user_id: 1, article_id: 10, viewed_at, client_sent_at, dt: "2024-05-01" });

export default defineUnitTests([
  {
    name: "converts the device's send time to UTC and counts whole seconds of delay",
    view: "event_delivery_delay",
    given: {
      article_views: [
        view("tokyo", "2024-05-01 09:00:00", "2024-05-01T18:00:05+09:00"),
        view("new_york", "2024-05-01 09:00:00", "2024-05-01T04:30:00-05:00"),
        // 200 ms apart across a second boundary: Athena counts 0 whole seconds.
        view("quick", "2024-05-01 09:00:00.900", "2024-05-01T09:00:01.100Z"),
        view("killed_app", "2024-05-01 09:00:00", null),
      ],
    },
    expect: [
      { event_id: "tokyo", client_sent_at: "2024-05-01 09:00:05", viewed_at: "2024-05-01 09:00:00", delay_seconds: 5 },
      { event_id: "new_york", client_sent_at: "2024-05-01 09:30:00", viewed_at: "2024-05-01 09:00:00", delay_seconds: 1800 },
      { event_id: "quick", client_sent_at: "2024-05-01 09:00:01.100", viewed_at: "2024-05-01 09:00:00.900", delay_seconds: 0 },
    ],
  },
]);
