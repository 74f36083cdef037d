import { describe, expect, it } from "vitest";
import { MAX_PARTITIONS_PER_CHUNK, planBackfill } from "@baikal/platform/project";
import { loadProject } from "@baikal/platform/project";
import { type ExecutionClient, runBackfill } from "../src/commands/backfill.ts";
import { NEWSLY_ROOT } from "../../platform/test/support.ts";
import { baikal } from "./support.ts";

const ARN = "arn:aws:states:ap-northeast-1:111111111111:stateMachine:newsly-news-article_view_facts";

describe("baikal backfill", () => {
  it("prints the plan in --dry-run: one run per date, in chunks of at most 100 partitions", () => {
    const run = baikal(["backfill", "news.article_view_facts", "--from", "2024-01-01", "--to", "2024-04-15", "--dry-run"], NEWSLY_ROOT);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        `backfill news.article_view_facts in staging: 106 runs of ${ARN}, one dt partition each, in 2 chunks of at most 100`,
        "  chunk 1/2: 2024-01-01 .. 2024-04-09 (100 partitions)",
        "  chunk 2/2: 2024-04-10 .. 2024-04-15 (6 partitions)",
        "",
      ].join("\n"),
    );
  });

  it("fails when the transform is unknown, suggesting the closest", () => {
    const run = baikal(["backfill", "news.article_view_fact", "--from", "2024-01-01", "--to", "2024-01-02", "--dry-run"], NEWSLY_ROOT);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'baikal: unknown transform "news.article_view_fact"; did you mean "news.article_view_facts"? (transforms: news.article_view_facts, news.daily_article_stats)\n',
    );
  });

  it("fails when a date is not a calendar date or the range is reversed", async () => {
    const project = await loadProject(NEWSLY_ROOT);
    const plan = (from: string, to: string) => () => planBackfill(project, { transform: "news.daily_article_stats", from, to });
    expect(plan("2024-02-30", "2024-03-01")).toThrow("--from 2024-02-30 is not a date; use yyyy-MM-dd, e.g. 2024-01-31");
    expect(plan("2024-03-02", "2024-03-01")).toThrow("--from 2024-03-02 is after --to 2024-03-01; swap them");
  });

  it("never puts more than 100 partitions in a chunk, and covers every date once", async () => {
    const project = await loadProject(NEWSLY_ROOT);
    const plan = planBackfill(project, { transform: "news.article_view_facts", from: "2023-01-01", to: "2024-12-31", environment: "production" });
    expect(plan.stateMachineArn).toBe("arn:aws:states:ap-northeast-1:222222222222:stateMachine:newsly-news-article_view_facts");
    expect(plan.chunks.map((c) => c.dates.length)).toEqual([100, 100, 100, 100, 100, 100, 100, 31]);
    expect(plan.chunks.every((c) => c.dates.length <= MAX_PARTITIONS_PER_CHUNK)).toBe(true);
    const dates = plan.chunks.flatMap((c) => c.dates);
    expect(new Set(dates).size).toBe(731);
    expect([dates[0], dates[58], dates[59], dates.at(-1)]).toEqual(["2023-01-01", "2023-02-28", "2023-03-01", "2024-12-31"]);
  });
});

describe("runBackfill", () => {
  it("runs chunk after chunk, at most `parallel` runs at once, and reports failed dates", async () => {
    const project = await loadProject(NEWSLY_ROOT);
    const plan = planBackfill(project, { transform: "news.article_view_facts", from: "2024-01-01", to: "2024-01-05", chunkSize: 3 });
    let inFlight = 0;
    let maxInFlight = 0;
    const started: { name: string; input: string }[] = [];
    const polls = new Map<string, number>();
    const client: ExecutionClient = {
      async start(arn, name, input) {
        expect(arn).toBe(ARN);
        started.push({ name, input });
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        return `${arn}:${name}`;
      },
      async status(execution) {
        const seen = (polls.get(execution) ?? 0) + 1;
        polls.set(execution, seen);
        if (seen < 2) return "RUNNING";
        inFlight -= 1;
        return execution.includes("2024-01-04") ? "FAILED" : "SUCCEEDED";
      },
    };
    const lines: string[] = [];
    const result = await runBackfill(plan, client, { parallel: 2, pollMs: 1, runId: "20250101000000", log: (l) => lines.push(l) });
    expect(result).toEqual({ succeeded: ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-05"], failed: ["2024-01-04"] });
    expect(maxInFlight).toBe(2);
    expect(started[0]).toEqual({ name: "backfill-2024-01-01-20250101000000", input: '{"run_date":"2024-01-01"}' });
    expect(lines).toEqual([
      "chunk 1/2: 2024-01-01 .. 2024-01-03",
      "  [1/5] 2024-01-01 SUCCEEDED",
      "  [2/5] 2024-01-02 SUCCEEDED",
      "  [3/5] 2024-01-03 SUCCEEDED",
      "chunk 2/2: 2024-01-04 .. 2024-01-05",
      "  [4/5] 2024-01-04 FAILED",
      "  [5/5] 2024-01-05 SUCCEEDED",
    ]);
  });
});
