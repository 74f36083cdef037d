import { CLAIM_WRITE_RESERVE_MS, type Deadline, invocationDeadline, type LambdaContext } from "./deadline.ts";
import { describeError } from "./log.ts";
import { defaultRuntime, lazyRuntime, type Runtime, type RuntimeOptions } from "./runtime.ts";
import { buildAlarmMessage } from "./slack/alarm-message.ts";
import { buildTextAlertMessage, buildTransformFailureMessage } from "./slack/failure-message.ts";
import type { SlackMessage } from "./slack/message.ts";
import { postToSlack, SlackPostError } from "./slack/post.ts";
import { webhookMissingHint } from "./slack/webhook-secret.ts";
import { type Notification, parseSnsEvent } from "./transform-failure.ts";

export interface TransformFailureResult {
  readonly outcome: "posted" | "webhook-missing" | "malformed";
  /** Messages posted to Slack. */
  readonly posted: number;
}

export type TransformFailureHandler = (event: unknown, context?: LambdaContext) => Promise<TransformFailureResult>;

/** Builds the SNS handler; tests pass seams, the Lambda uses the shared default runtime. */
export function createTransformFailureHandler(options?: RuntimeOptions): TransformFailureHandler {
  const runtime = options ? lazyRuntime(options) : defaultRuntime;
  return async (event, context) => handleTransformFailures(event, runtime(), invocationDeadline(context));
}

/**
 * Posts each message of the transform-failures topics and of the platform-alerts topic (CloudWatch alarms) to the
 * cost monitor's Slack channel. SNS delivers at least once, so a rare duplicate post is possible; an alert twice
 * is better than none, so there is no claim. Slack failures, a post that runs out of time included, are thrown,
 * so Lambda's retries and then the dead-letter queue keep the alert.
 */
export async function handleTransformFailures(
  event: unknown,
  rt: Runtime,
  deadline: Deadline = invocationDeadline(undefined),
): Promise<TransformFailureResult> {
  const parsed = parseSnsEvent(event);
  if ("malformed" in parsed) {
    // Returning (not throwing) keeps a bad event from being retried over and over.
    rt.log("error", "malformed SNS event; dropped", { reason: parsed.malformed });
    return { outcome: "malformed", posted: 0 };
  }
  const webhook = await rt.webhook.get();
  if (webhook.kind === "missing") {
    const id = rt.webhook.secretId;
    rt.log("warn", webhookMissingHint(id), { secretId: id, reason: webhook.reason, ...summary(parsed.notifications[0]!) });
    return { outcome: "webhook-missing", posted: 0 };
  }
  let posted = 0;
  for (const notification of parsed.notifications) {
    try {
      const { attempts } = await postToSlack(webhook.url, slackMessage(notification), {
        fetch: rt.fetch,
        sleep: rt.sleep,
        deadlineMs: deadline.atMs - CLAIM_WRITE_RESERVE_MS,
      });
      rt.log("info", `${noun(notification)} posted to Slack`, { ...summary(notification), attempts });
      posted += 1;
    } catch (error) {
      if (error instanceof SlackPostError && error.webhookGone) rt.webhook.invalidate();
      rt.log("error", `${noun(notification)} could not be posted; rethrowing for the Lambda retry`, { ...summary(notification), ...describeError(error) });
      throw error;
    }
  }
  return { outcome: "posted", posted };
}

function slackMessage(notification: Notification): SlackMessage {
  switch (notification.kind) {
    case "transform-failure":
      return buildTransformFailureMessage(notification.failure);
    case "alarm":
      return buildAlarmMessage(notification.alarm);
    case "text":
      return buildTextAlertMessage(notification.subject, notification.text);
  }
}

function noun(notification: Notification): string {
  return notification.kind === "alarm" ? "platform alarm" : "transform alert";
}

/** What the log says about a message: names and the execution, never the cause (it may quote data). */
function summary(notification: Notification): Record<string, string | undefined> {
  if (notification.kind === "text") return { subject: notification.subject };
  if (notification.kind === "alarm") return { alarmName: notification.alarm.alarmName, state: notification.alarm.newState };
  const { transform, runDate, error, execution } = notification.failure;
  return { transform, runDate, error, execution };
}

/** Lambda entry point for the transform-failures and platform-alerts topics' subscriptions (`index.transformFailureHandler`). */
export const transformFailureHandler: TransformFailureHandler = createTransformFailureHandler();
