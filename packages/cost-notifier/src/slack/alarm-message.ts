import { type AlarmNotification, alarmConsoleLink } from "../alarm.ts";
import { SLACK_CAUSE_CHARS } from "./failure-message.ts";
import { codeBlockText, escapeMrkdwn, type SlackBlock, type SlackMessage } from "./message.ts";

/** Slack's limit for a header block's text. */
const HEADER_CHARS = 150;

/**
 * State and alarm name at a glance (`ALARM: acme-athena-cost-dead-letters-not-empty`), what to do (the alarm's
 * description), why it changed, and a link to the alarm in the CloudWatch console.
 */
export function buildAlarmMessage(alarm: AlarmNotification): SlackMessage {
  const title = `${alarm.newState}: ${alarm.alarmName}`;
  const field = (label: string, value: string) => ({ type: "mrkdwn", text: `*${label}*\n${escapeMrkdwn(value)}` });
  const link = alarmConsoleLink(alarm);
  const blocks: SlackBlock[] = [
    { type: "header", text: { type: "plain_text", text: cut(title, HEADER_CHARS), emoji: true } },
    {
      type: "section",
      fields: [
        field("State", alarm.oldState ? `${alarm.oldState} → ${alarm.newState}` : alarm.newState),
        field("Since", alarm.changedAt ?? "unknown"),
        field("Account", alarm.accountId ?? "unknown"),
        field("Region", alarm.regionName ?? "unknown"),
      ],
    },
  ];
  if (alarm.description) blocks.push({ type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(cut(alarm.description, SLACK_CAUSE_CHARS)) } });
  blocks.push({ type: "section", text: { type: "mrkdwn", text: `\`\`\`${codeBlockText(cut(alarm.reason ?? "(no reason given)", SLACK_CAUSE_CHARS))}\`\`\`` } });
  blocks.push({
    type: "context",
    elements: [{ type: "mrkdwn", text: link ? `<${link}|Open the alarm in the CloudWatch console>` : `Alarm ${escapeMrkdwn(alarm.alarmName)}` }],
  });
  return { text: escapeMrkdwn(alarm.reason ? `${title}: ${alarm.reason}` : title), blocks };
}

/** At most `max` characters (code points), marked with … when cut. */
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
