import { describe, expect, it } from "vitest";
import { buildRecord, type QueryRecord } from "../src/record.ts";
import { athenaConsoleLink, buildAlertMessage, formatBytes, formatDuration, queryPreview } from "../src/slack/message.ts";
import { execution, NOW, TIB } from "./support/fixtures.ts";

const caller = { arn: "arn:aws:sts::1:assumed-role/Analyst/jane", type: "AssumedRole", principalId: "AROA:jane", accountId: "1", displayName: "Analyst/jane" };

function expensiveRecord(query: string): QueryRecord {
  return buildRecord(execution({ id: "q-123", bytes: 2.5 * TIB, query, durationMs: 192_000 }), caller, 5, NOW);
}

describe("buildAlertMessage", () => {
  const longQuery = `SELECT user_id, email FROM web.events WHERE email = 'jane@example.com' AND ${"col_a > 1 AND ".repeat(40)}true`;
  const message = buildAlertMessage(expensiveRecord(longQuery), { thresholdUsd: 1, region: "eu-west-1" });
  const json = JSON.stringify(message.blocks);

  it("shows workgroup, caller, cost, bytes and duration", () => {
    expect(json).toContain("*Workgroup*\\nanalytics");
    expect(json).toContain("*Caller*\\nAnalyst/jane");
    expect(json).toContain("*Cost*\\n$12.50 (alert above $1.00)");
    expect(json).toContain("*Scanned*\\n2.50 TiB");
    expect(json).toContain("*Duration*\\n3m 12s");
    expect(message.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Athena query cost $12.50", emoji: true } });
  });

  it("links to the query in the Athena console", () => {
    expect(json).toContain(
      "<https://eu-west-1.console.aws.amazon.com/athena/home?region=eu-west-1#/query-editor/history/q-123|Open in Athena console>",
    );
  });

  it("shows the first 300 characters of the redacted query in a code block", () => {
    const section = message.blocks[2] as { text: { text: string } };
    expect(section.text.text.startsWith("```SELECT user_id, email FROM web.events WHERE email = '?' AND col_a &gt; 1")).toBe(true);
    expect(section.text.text.endsWith("…```")).toBe(true);
    const shown = section.text.text.slice(3, -4).replace(/&gt;/g, ">");
    expect(shown).toBe(longQuery.replace("'jane@example.com'", "'?'").slice(0, 300));
    expect(json).not.toContain("jane@example.com");
  });

  it("has a plain fallback text for notifications", () => {
    expect(message.text).toBe("Athena query cost $12.50 in analytics by Analyst/jane (2.50 TiB scanned, 3m 12s)");
  });

  it("handles an unknown caller", () => {
    const record = { ...expensiveRecord("SELECT 1"), caller: null };
    expect(JSON.stringify(buildAlertMessage(record, { thresholdUsd: 1, region: "eu-west-1" }).blocks)).toContain(
      "*Caller*\\nunknown (not in CloudTrail yet)",
    );
  });
});

describe("message helpers", () => {
  it("formats bytes in binary units", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1.5 * 2 ** 30)).toBe("1.50 GiB");
    expect(formatBytes(3 * TIB)).toBe("3.00 TiB");
  });

  it("formats durations for humans", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(12_340)).toBe("12.3 s");
    expect(formatDuration(3_723_000)).toBe("1h 02m");
    expect(formatDuration(null)).toBe("n/a");
  });

  it("escapes Slack control characters and backtick fences in the query preview", () => {
    expect(queryPreview("SELECT a<b, c&d FROM ```t```")).toBe("SELECT a&lt;b, c&amp;d FROM `\u200b`\u200b`t`\u200b`\u200b`");
  });

  it("builds the console link for the region", () => {
    expect(athenaConsoleLink("us-east-2", "abc")).toBe("https://us-east-2.console.aws.amazon.com/athena/home?region=us-east-2#/query-editor/history/abc");
  });
});
