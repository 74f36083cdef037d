import type { ReceivedFailure } from "../transform-failure.ts";
import { codeBlockText, escapeMrkdwn, type SlackBlock, type SlackMessage } from "./message.ts";

/** Enough of a cause or message to act on; Slack refuses section text over 3,000 characters. */
export const SLACK_CAUSE_CHARS = 1500;
/** Slack's limit for a header block's text. */
const HEADER_CHARS = 150;

/**
 * The Step Functions console page of a standard execution, or undefined when `arn` is not one. Execution and
 * machine names cannot hold whitespace, `|`, `<` or `>`, so the ARN goes into the mrkdwn link as it is.
 */
export function executionConsoleLink(arn: string): string | undefined {
  const match = /^arn:aws:states:([a-z0-9-]+):\d{12}:execution:[^:\s|<>]+:[^:\s|<>]+$/.exec(arn);
  if (!match) return undefined;
  const region = match[1]!;
  return `https://${region}.console.aws.amazon.com/states/home?region=${region}#/v2/executions/details/${arn}`;
}

/** Domain, transform, target, run date and error at a glance, the cause below, and a link to the execution. */
export function buildTransformFailureMessage(failure: ReceivedFailure): SlackMessage {
  const runDate = failure.runDate ?? "unknown";
  const error = failure.error ?? "unknown error";
  const field = (label: string, value: string) => ({ type: "mrkdwn", text: `*${label}*\n${escapeMrkdwn(value)}` });
  const link = failure.execution ? executionConsoleLink(failure.execution) : undefined;
  const execution = link
    ? `<${link}|Open the execution in the Step Functions console>`
    : failure.execution
      ? `Execution ${escapeMrkdwn(failure.execution)}`
      : "Execution unknown";
  const blocks: SlackBlock[] = [
    { type: "header", text: { type: "plain_text", text: cut(`Transform ${failure.transform} failed`, HEADER_CHARS), emoji: true } },
    {
      type: "section",
      fields: [
        field("Domain", failure.domain ?? "unknown"),
        field("Transform", failure.transform),
        field("Writes", failure.target ?? "unknown"),
        field("Run date", runDate),
        field("Error", error),
      ],
    },
    { type: "section", text: { type: "mrkdwn", text: `\`\`\`${codeBlockText(cut(failure.cause ?? "(no cause given)", SLACK_CAUSE_CHARS))}\`\`\`` } },
    { type: "context", elements: [{ type: "mrkdwn", text: execution }] },
  ];
  return { text: escapeMrkdwn(`Transform ${failure.transform} failed for run date ${runDate}: ${error}`), blocks };
}

/** Anything else published to a transform-failures topic, passed on as it was written. */
export function buildTextAlertMessage(subject: string | undefined, text: string): SlackMessage {
  const title = subject?.trim() || "Message on a transform-failures topic";
  return {
    text: escapeMrkdwn(title),
    blocks: [
      { type: "header", text: { type: "plain_text", text: cut(title, HEADER_CHARS), emoji: true } },
      { type: "section", text: { type: "mrkdwn", text: `\`\`\`${codeBlockText(cut(text.trim() || "(empty message)", SLACK_CAUSE_CHARS))}\`\`\`` } },
    ],
  };
}

/** At most `max` characters (code points, so no surrogate pair is split), marked with … when cut. */
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
