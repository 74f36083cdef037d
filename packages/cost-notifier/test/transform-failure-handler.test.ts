import { GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";
import { describe, expect, it } from "vitest";
import { CLAIM_WRITE_RESERVE_MS } from "../src/deadline.ts";
import { ALARM_NAME, alarmMessage, EXECUTION_ARN, lambdaContext, SECRET_ID, snsEvent, transformFailureMessage } from "./support/fixtures.ts";
import { useHandlerHarness } from "./support/handler-harness.ts";

const { aws, slack, setup } = useHandlerHarness();

type Posted = { text: string; blocks: { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { text: string }[] }[] };
const posted = (index = 0) => slack.requests[index]!.json as Posted;

describe("transformFailureHandler", () => {
  it("posts a failed run to Slack: domain, transform, target, run date, error, cause and a link to the execution", async () => {
    const { transformFailureHandler } = setup();
    expect(await transformFailureHandler(snsEvent(transformFailureMessage()))).toEqual({ outcome: "posted", posted: 1 });

    expect(slack.requests).toHaveLength(1);
    expect(slack.requests[0]).toMatchObject({ method: "POST", path: "/services/T000/B000/XXXX" });
    const message = posted();
    expect(message.text).toBe("Transform web.daily_users failed for run date 2025-05-31: DataTestFailed");
    expect(message.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Transform web.daily_users failed", emoji: true } });
    expect(message.blocks[1]!.fields!.map((f) => f.text)).toEqual([
      "*Domain*\nweb",
      "*Transform*\nweb.daily_users",
      "*Writes*\nweb.daily_users",
      "*Run date*\n2025-05-31",
      "*Error*\nDataTestFailed",
    ]);
    expect(message.blocks[2]!.text!.text).toBe("```data test failed on web.daily_users: user_id is null in some rows (3 bad rows)```");
    expect(message.blocks[3]!.elements![0]!.text).toBe(
      `<https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1#/v2/executions/details/${EXECUTION_ARN}|Open the execution in the Step Functions console>`,
    );
    expect(aws.secrets.commandCalls(GetSecretValueCommand, { SecretId: SECRET_ID })).toHaveLength(1);
  });

  it("logs names and the execution, never the webhook URL or the cause, which may quote data", async () => {
    const { transformFailureHandler, logs } = setup();
    await transformFailureHandler(snsEvent(transformFailureMessage({ cause: "INVALID_CAST_ARGUMENT: Value cannot be cast to date: jane@example.com" })));
    expect(logs).toEqual([
      {
        level: "info",
        msg: "transform alert posted to Slack",
        fields: { transform: "web.daily_users", runDate: "2025-05-31", error: "DataTestFailed", execution: EXECUTION_ARN, attempts: 1 },
      },
    ]);
    expect(JSON.stringify(logs)).not.toContain(slack.url);
    expect(JSON.stringify(logs)).not.toContain("jane@example.com");
  });

  it("passes other messages on the topic to Slack as they were written", async () => {
    const { transformFailureHandler } = setup();
    await transformFailureHandler(snsEvent("Ingestion of web.page_views failed for 2025-05-31: no files arrived", "Ingestion web.page_views failed"));
    expect(posted()).toEqual({
      text: "Ingestion web.page_views failed",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "Ingestion web.page_views failed", emoji: true } },
        { type: "section", text: { type: "mrkdwn", text: "```Ingestion of web.page_views failed for 2025-05-31: no files arrived```" } },
      ],
    });
  });

  it("handles a Slack outage: 5xx, then 429 with Retry-After, then success", async () => {
    slack.respond({ status: 503 }, { status: 429, retryAfter: "3" });
    const { transformFailureHandler, sleeps } = setup();
    expect(await transformFailureHandler(snsEvent(transformFailureMessage()))).toEqual({ outcome: "posted", posted: 1 });
    expect(slack.requests).toHaveLength(3);
    expect(sleeps).toEqual([1000, 3000]);
  });

  it("fails when Slack stays down, so Lambda's retries and then the dead-letter queue keep the alert", async () => {
    slack.respondAlways({ status: 500 });
    const { transformFailureHandler, logs } = setup();
    await expect(transformFailureHandler(snsEvent(transformFailureMessage()))).rejects.toThrow("Slack post failed after 4 attempts: HTTP 500 error");
    expect(logs.at(-1)).toMatchObject({
      level: "error",
      msg: "transform alert could not be posted; rethrowing for the Lambda retry",
      fields: { transform: "web.daily_users", errorName: "SlackPostError" },
    });
  });

  it("fails when Slack says the webhook is gone, and reads the secret again on the retry", async () => {
    slack.respond({ status: 404, body: "no_service" });
    const { transformFailureHandler } = setup();
    await expect(transformFailureHandler(snsEvent(transformFailureMessage()))).rejects.toThrow("Slack rejected the alert: HTTP 404 no_service");
    expect(await transformFailureHandler(snsEvent(transformFailureMessage()))).toEqual({ outcome: "posted", posted: 1 });
    expect(aws.secrets.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it("posts a platform alarm (the dead-letter queue's) to the same channel, and logs its name and state", async () => {
    const { transformFailureHandler, logs } = setup();
    const event = snsEvent(alarmMessage(), `ALARM: "${ALARM_NAME}" in EU (Ireland)`);
    expect(await transformFailureHandler(event)).toEqual({ outcome: "posted", posted: 1 });
    expect(slack.accepted).toHaveLength(1);
    const message = posted();
    expect(message.blocks[0]!.text!.text).toBe(`ALARM: ${ALARM_NAME}`);
    expect(message.blocks[2]!.text!.text).toMatch(/^Messages in acme-athena-cost-dead-letters: .* redrive or purge\.$/);
    expect(logs).toEqual([{ level: "info", msg: "platform alarm posted to Slack", fields: { alarmName: ALARM_NAME, state: "ALARM", attempts: 1 } }]);
  });

  it("fails when Slack does not answer a platform alarm before the deadline, so Lambda retries it", async () => {
    slack.respondAlways({ hang: true });
    const { transformFailureHandler, logs } = setup();
    await expect(transformFailureHandler(snsEvent(alarmMessage()), lambdaContext(CLAIM_WRITE_RESERVE_MS + 300))).rejects.toThrow(
      "Slack post stopped after 1 attempt(s) to leave time before the invocation's deadline",
    );
    expect(logs.at(-1)).toMatchObject({ level: "error", msg: "platform alarm could not be posted; rethrowing for the Lambda retry" });
    await slack.waitForRequests(1);
    slack.reset();
    expect(await transformFailureHandler(snsEvent(alarmMessage()))).toEqual({ outcome: "posted", posted: 1 });
    expect(slack.accepted).toHaveLength(1);
  });

  it("handles a webhook secret that is not set yet: warns how to set it and does not throw", async () => {
    aws.state.secret = undefined;
    const { transformFailureHandler, logs } = setup();
    expect(await transformFailureHandler(snsEvent(transformFailureMessage()))).toEqual({ outcome: "webhook-missing", posted: 0 });
    expect(slack.requests).toHaveLength(0);
    expect(logs).toEqual([
      {
        level: "warn",
        msg: `slack webhook secret ${SECRET_ID} has no value yet; set it with aws secretsmanager put-secret-value --secret-id ${SECRET_ID} --secret-string https://hooks.slack.com/services/...`,
        fields: {
          secretId: SECRET_ID,
          reason: "the secret has no AWSCURRENT version",
          transform: "web.daily_users",
          runDate: "2025-05-31",
          error: "DataTestFailed",
          execution: EXECUTION_ARN,
        },
      },
    ]);
  });

  it("drops an event that is not from SNS without calling Slack or Secrets Manager", async () => {
    const { transformFailureHandler, logs } = setup();
    expect(await transformFailureHandler({ source: "aws.athena" })).toEqual({ outcome: "malformed", posted: 0 });
    expect(await transformFailureHandler({ Records: [{ Sns: { Subject: "no message" } }] })).toEqual({ outcome: "malformed", posted: 0 });
    expect(logs.map((l) => [l.msg, l.fields.reason])).toEqual([
      ["malformed SNS event; dropped", "event has no Records array"],
      ["malformed SNS event; dropped", "Records[0] has no Sns.Message"],
    ]);
    expect(slack.requests).toHaveLength(0);
    expect(aws.secrets.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });
});
