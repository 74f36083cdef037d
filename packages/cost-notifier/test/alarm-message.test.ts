import { describe, expect, it } from "vitest";
import { alarmConsoleLink, parseAlarmNotification } from "../src/alarm.ts";
import { buildAlarmMessage } from "../src/slack/alarm-message.ts";
import { parseMessage } from "../src/transform-failure.ts";
import { ALARM_NAME, alarmMessage } from "./support/fixtures.ts";

describe("parseMessage with CloudWatch alarms", () => {
  it("reads an alarm's state change from the JSON CloudWatch publishes", () => {
    expect(parseMessage(alarmMessage(), `ALARM: "${ALARM_NAME}" in EU (Ireland)`)).toEqual({
      kind: "alarm",
      alarm: {
        alarmName: ALARM_NAME,
        newState: "ALARM",
        oldState: "OK",
        reason: expect.stringMatching(/^Threshold Crossed: 1 out of the last 1 datapoints/),
        description: expect.stringMatching(/^Messages in acme-athena-cost-dead-letters/),
        changedAt: "2025-06-01T12:00:00.000+0000",
        alarmArn: `arn:aws:cloudwatch:eu-west-1:111111111111:alarm:${ALARM_NAME}`,
        accountId: "111111111111",
        regionName: "EU (Ireland)",
      },
    });
  });

  it("passes JSON without an alarm name or new state on as text", () => {
    const message = JSON.stringify({ AlarmName: "x" });
    expect(parseMessage(message, "s")).toEqual({ kind: "text", subject: "s", text: message });
    expect(parseAlarmNotification({ NewStateValue: "OK" })).toBeUndefined();
  });
});

describe("alarmConsoleLink", () => {
  it("links the alarm in its region's CloudWatch console, its name encoded", () => {
    expect(alarmConsoleLink({ alarmName: "a b|c", alarmArn: "arn:aws:cloudwatch:eu-west-1:111111111111:alarm:a b|c" })).toBe(
      "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/a%20b%7Cc",
    );
  });

  it("gives no link without an alarm ARN (older notifications name the region only by its display name)", () => {
    expect(alarmConsoleLink({ alarmName: "x", alarmArn: undefined })).toBeUndefined();
  });
});

describe("buildAlarmMessage", () => {
  const alarm = (overrides: Record<string, unknown> = {}) => {
    const parsed = parseMessage(alarmMessage(overrides), undefined);
    if (parsed.kind !== "alarm") throw new Error("fixture is not an alarm");
    return parsed.alarm;
  };

  it("shows state and name, the change, what to do, why, and a console link", () => {
    expect(buildAlarmMessage(alarm())).toEqual({
      text: `ALARM: ${ALARM_NAME}: Threshold Crossed: 1 out of the last 1 datapoints [2.0 (01/06/25 11:55:00)] was greater than the threshold (0.0) (minimum 1 datapoint for OK -&gt; ALARM transition).`,
      blocks: [
        { type: "header", text: { type: "plain_text", text: `ALARM: ${ALARM_NAME}`, emoji: true } },
        {
          type: "section",
          fields: [
            { type: "mrkdwn", text: "*State*\nOK → ALARM" },
            { type: "mrkdwn", text: "*Since*\n2025-06-01T12:00:00.000+0000" },
            { type: "mrkdwn", text: "*Account*\n111111111111" },
            { type: "mrkdwn", text: "*Region*\nEU (Ireland)" },
          ],
        },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: "Messages in acme-athena-cost-dead-letters: an Athena query event or cost-monitor invocation failed for good. Read them, fix the cause, then redrive or purge.",
          },
        },
        {
          type: "section",
          text: {
            type: "mrkdwn",
            text: "```Threshold Crossed: 1 out of the last 1 datapoints [2.0 (01/06/25 11:55:00)] was greater than the threshold (0.0) (minimum 1 datapoint for OK -&gt; ALARM transition).```",
          },
        },
        {
          type: "context",
          elements: [
            {
              type: "mrkdwn",
              text: `<https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/${ALARM_NAME}|Open the alarm in the CloudWatch console>`,
            },
          ],
        },
      ],
    });
  });

  it("reports the way back to OK, without a description block when the alarm has none", () => {
    const message = buildAlarmMessage(alarm({ NewStateValue: "OK", OldStateValue: "ALARM", AlarmDescription: null, AlarmArn: undefined }));
    expect(message.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: `OK: ${ALARM_NAME}`, emoji: true } });
    expect(message.blocks.map((b) => b.type)).toEqual(["header", "section", "section", "context"]);
    expect(message.blocks.at(-1)).toEqual({ type: "context", elements: [{ type: "mrkdwn", text: `Alarm ${ALARM_NAME}` }] });
  });
});
