import type { QueryRecord } from "../record.ts";

/** Enough SQL to recognise the query on a phone; the console link has the rest. */
export const SLACK_QUERY_PREVIEW_CHARS = 300;

export interface SlackMessage {
  /** Fallback for notifications and clients without Block Kit. */
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

export type SlackBlock = Readonly<Record<string, unknown>>;

export interface AlertContext {
  readonly thresholdUsd: number;
  readonly region: string;
}

export function formatUsd(usd: number): string {
  return `$${usd.toFixed(2)}`;
}

const UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"] as const;

/** Binary units, matching the pricing convention (TB = TiB). */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(2)} ${UNITS[unit]}`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "n/a";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const totalSeconds = Math.round(seconds);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const rest = totalSeconds % 60;
  return hours > 0 ? `${hours}h ${String(minutes).padStart(2, "0")}m` : `${minutes}m ${String(rest).padStart(2, "0")}s`;
}

export function athenaConsoleLink(region: string, queryExecutionId: string): string {
  return `https://${region}.console.aws.amazon.com/athena/home?region=${region}#/query-editor/history/${encodeURIComponent(queryExecutionId)}`;
}

/** Slack mrkdwn treats `&`, `<`, `>` as control characters, even in code blocks; `a < b` must stay `a < b`. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** First characters of the (already redacted) query, safe inside a ``` block. */
export function queryPreview(queryText: string | null, truncatedUpstream = false): string {
  if (!queryText) return "(query text unavailable)";
  const chars = Array.from(queryText.trim());
  const cut = chars.length > SLACK_QUERY_PREVIEW_CHARS;
  const preview = chars.slice(0, SLACK_QUERY_PREVIEW_CHARS).join("");
  const fenced = codeBlockText(preview);
  return cut || truncatedUpstream ? `${fenced}…` : fenced;
}

/**
 * Text safe inside a ``` block: escaped for mrkdwn, and a ``` inside it (Hive DDL uses backticks) broken with
 * zero-width spaces, so it cannot close the block early.
 */
export function codeBlockText(text: string): string {
  return escapeMrkdwn(text).replace(/`{3,}/g, (run) => run.split("").join("\u200b"));
}

export function buildAlertMessage(record: QueryRecord, context: AlertContext): SlackMessage {
  const cost = formatUsd(record.costUsd);
  const workgroup = record.workgroup ?? "unknown";
  const caller = record.caller?.displayName ?? "unknown (not in CloudTrail yet)";
  const scanned = formatBytes(record.bytesScanned);
  const duration = formatDuration(record.totalExecutionTimeMs);
  const link = athenaConsoleLink(context.region, record.queryExecutionId);

  const field = (label: string, value: string) => ({ type: "mrkdwn", text: `*${label}*\n${escapeMrkdwn(value)}` });
  const blocks: SlackBlock[] = [
    { type: "header", text: { type: "plain_text", text: `Athena query cost ${cost}`, emoji: true } },
    {
      type: "section",
      fields: [
        field("Workgroup", workgroup),
        field("Caller", caller),
        field("Cost", `${cost} (alert above ${formatUsd(context.thresholdUsd)})`),
        field("Scanned", scanned),
        field("Duration", duration),
        field("State", record.state),
      ],
    },
    { type: "section", text: { type: "mrkdwn", text: `\`\`\`${queryPreview(record.queryText, record.queryTextTruncated)}\`\`\`` } },
    {
      type: "context",
      elements: [{ type: "mrkdwn", text: `<${link}|Open in Athena console> · ${escapeMrkdwn(record.queryExecutionId)}` }],
    },
  ];
  const text = escapeMrkdwn(`Athena query cost ${cost} in ${workgroup} by ${caller} (${scanned} scanned, ${duration})`);
  return { text, blocks };
}
