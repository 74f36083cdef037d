import { describeError } from "./log.ts";
import { defaultRuntime, lazyRuntime, type Runtime, type RuntimeOptions } from "./runtime.ts";
import { buildTextAlertMessage, buildTransformFailureMessage } from "./slack/failure-message.ts";
import { postToSlack, SlackPostError } from "./slack/post.ts";
import { webhookMissingHint } from "./slack/webhook-secret.ts";
import { type Notification, parseSnsEvent } from "./transform-failure.ts";

export interface TransformFailureResult {
  readonly outcome: "posted" | "webhook-missing" | "malformed";
  /** Messages posted to Slack. */
  readonly posted: number;
}

export type TransformFailureHandler = (event: unknown) => Promise<TransformFailureResult>;

/** Builds the SNS handler; tests pass seams, the Lambda uses the shared default runtime. */
export function createTransformFailureHandler(options?: RuntimeOptions): TransformFailureHandler {
  const runtime = options ? lazyRuntime(options) : defaultRuntime;
  return async (event) => handleTransformFailures(event, runtime());
}

/**
 * Posts each message of the transform-failures topics to the cost monitor's Slack channel. SNS delivers at least
 * once, so a rare duplicate post is possible; a failure alert twice is better than none, so there is no marker.
 * Slack failures are thrown, so Lambda's retries and then the dead-letter queue keep the alert.
 */
export async function handleTransformFailures(event: unknown, rt: Runtime): Promise<TransformFailureResult> {
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
    const message =
      notification.kind === "transform-failure"
        ? buildTransformFailureMessage(notification.failure)
        : buildTextAlertMessage(notification.subject, notification.text);
    try {
      const { attempts } = await postToSlack(webhook.url, message, { fetch: rt.fetch, sleep: rt.sleep });
      rt.log("info", "transform alert posted to Slack", { ...summary(notification), attempts });
      posted += 1;
    } catch (error) {
      if (error instanceof SlackPostError && error.webhookGone) rt.webhook.invalidate();
      rt.log("error", "transform alert could not be posted; rethrowing for the Lambda retry", { ...summary(notification), ...describeError(error) });
      throw error;
    }
  }
  return { outcome: "posted", posted };
}

/** What the log says about a message: names and the execution, never the cause (it may quote data). */
function summary(notification: Notification): Record<string, string | undefined> {
  if (notification.kind === "text") return { subject: notification.subject };
  const { transform, runDate, error, execution } = notification.failure;
  return { transform, runDate, error, execution };
}

/** Lambda entry point for the transform-failures topics' subscription (`index.transformFailureHandler`). */
export const transformFailureHandler: TransformFailureHandler = createTransformFailureHandler();
