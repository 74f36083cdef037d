import { type AlarmNotification, parseAlarmNotification } from "./alarm.ts";

/**
 * What a transform's state machine tells the notifier when a run fails. It publishes to its domain's
 * transform-failures topic with `MessageStructure: "json"`: people subscribed by email read the `default` text,
 * and the Lambda subscription receives the `lambda` message, this object as JSON. The platform builds it from
 * these names, so a renamed field is a compile error there, not a blank line in Slack.
 */
export const TRANSFORM_FAILURE_KIND = "baikal.transform-failure";

export interface TransformFailure {
  readonly kind: typeof TRANSFORM_FAILURE_KIND;
  readonly domain: string;
  /** `domain.transform`. */
  readonly transform: string;
  /** `database.table` the transform writes. */
  readonly target: string;
  /** `yyyy-MM-dd`, or whatever the execution was started with when that was not a date. */
  readonly runDate: string;
  /** The Step Functions error name (`DataTestFailed`, `States.TaskFailed`, ...). */
  readonly error: string;
  readonly cause: string;
  /** The execution's ARN. */
  readonly execution: string;
}

/** A failure as received: only `transform` is sure to be there; a field the run did not know is left out. */
export type ReceivedFailure = Partial<Omit<TransformFailure, "kind">> & Pick<TransformFailure, "transform">;

/**
 * One message as SNS hands it to Lambda: a transform failure, a CloudWatch alarm's state change (the
 * platform-alerts topic), or any other text published to a subscribed topic.
 */
export type Notification =
  | { readonly kind: "transform-failure"; readonly failure: ReceivedFailure }
  | { readonly kind: "alarm"; readonly alarm: AlarmNotification }
  | { readonly kind: "text"; readonly subject: string | undefined; readonly text: string };

/** The records of an SNS event; anything else is malformed (returned as a reason, never thrown). */
export function parseSnsEvent(event: unknown): { readonly notifications: Notification[] } | { readonly malformed: string } {
  if (!isObject(event) || !Array.isArray(event.Records)) return { malformed: "event has no Records array" };
  const notifications: Notification[] = [];
  for (const [index, record] of event.Records.entries()) {
    const sns = isObject(record) ? record.Sns : undefined;
    if (!isObject(sns) || typeof sns.Message !== "string") return { malformed: `Records[${index}] has no Sns.Message` };
    notifications.push(parseMessage(sns.Message, typeof sns.Subject === "string" ? sns.Subject : undefined));
  }
  if (notifications.length === 0) return { malformed: "event has no records" };
  return { notifications };
}

/**
 * A transform failure or an alarm when the message is one; other publishers' text (or broken JSON) is passed on
 * as text.
 */
export function parseMessage(message: string, subject: string | undefined): Notification {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return { kind: "text", subject, text: message };
  }
  if (!isObject(parsed)) return { kind: "text", subject, text: message };
  const alarm = parseAlarmNotification(parsed);
  if (alarm) return { kind: "alarm", alarm };
  if (parsed.kind !== TRANSFORM_FAILURE_KIND || typeof parsed.transform !== "string") return { kind: "text", subject, text: message };
  const failure: Record<string, string> = { transform: parsed.transform };
  for (const name of OPTIONAL_FIELDS) {
    const value = parsed[name];
    if (typeof value === "string" && value.trim() !== "") failure[name] = value;
  }
  return { kind: "transform-failure", failure: failure as ReceivedFailure };
}

const OPTIONAL_FIELDS = ["domain", "target", "runDate", "error", "cause", "execution"] as const satisfies readonly (keyof ReceivedFailure)[];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
