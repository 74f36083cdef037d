/**
 * A CloudWatch alarm's state change as the alarm action publishes it to SNS: a JSON message with `AlarmName`,
 * `NewStateValue`, `NewStateReason`, ... (`AlarmArn` in current notifications; `Region` is a display name such as
 * "EU (Ireland)", not a region code). The platform-alerts topic carries these, for the dead-letter queue's alarm
 * and any other alarm of the platform stack.
 */
export interface AlarmNotification {
  readonly alarmName: string;
  /** `ALARM`, `OK` or `INSUFFICIENT_DATA`. */
  readonly newState: string;
  readonly oldState: string | undefined;
  readonly reason: string | undefined;
  readonly description: string | undefined;
  readonly changedAt: string | undefined;
  readonly alarmArn: string | undefined;
  readonly accountId: string | undefined;
  /** The region's display name, as CloudWatch writes it. */
  readonly regionName: string | undefined;
}

/** The alarm in a parsed SNS message, or undefined when the message is not a CloudWatch alarm notification. */
export function parseAlarmNotification(message: Readonly<Record<string, unknown>>): AlarmNotification | undefined {
  const text = (name: string): string | undefined => {
    const value = message[name];
    return typeof value === "string" && value.trim() !== "" ? value : undefined;
  };
  const alarmName = text("AlarmName");
  const newState = text("NewStateValue");
  if (alarmName === undefined || newState === undefined) return undefined;
  return {
    alarmName,
    newState,
    oldState: text("OldStateValue"),
    reason: text("NewStateReason"),
    description: text("AlarmDescription"),
    changedAt: text("StateChangeTime"),
    alarmArn: text("AlarmArn"),
    accountId: text("AWSAccountId"),
    regionName: text("Region"),
  };
}

/** The CloudWatch console page of the alarm, or undefined when the notification has no alarm ARN to take the region from. */
export function alarmConsoleLink(alarm: Pick<AlarmNotification, "alarmArn" | "alarmName">): string | undefined {
  const match = /^arn:aws[a-z-]*:cloudwatch:([a-z0-9-]+):\d{12}:alarm:/.exec(alarm.alarmArn ?? "");
  if (!match) return undefined;
  const region = match[1]!;
  return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#alarmsV2:alarm/${encodeURIComponent(alarm.alarmName)}`;
}
