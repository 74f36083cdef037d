import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { beforeEach, describe, expect, it } from "vitest";
import { WebhookSecret, webhookUrlFromSecretString, webhookUrlProblem } from "../src/slack/webhook-secret.ts";
import { mockAws } from "./support/aws.ts";

const aws = mockAws();

describe("webhookUrlProblem", () => {
  it("accepts https URLs", () => {
    expect(webhookUrlProblem("https://hooks.slack.com/services/T/B/X")).toBeNull();
  });

  it("fails when the URL is plain http, even for loopback, unless explicitly allowed", () => {
    expect(webhookUrlProblem("http://127.0.0.1:8080/hook")).toBe("the URL must use https (got http:)");
    expect(webhookUrlProblem("http://127.0.0.1:8080/hook", { allowLoopbackHttp: true })).toBeNull();
    expect(webhookUrlProblem("http://[::1]:8080/hook", { allowLoopbackHttp: true })).toBeNull();
  });

  it("fails when http points anywhere but loopback, even with the test option", () => {
    expect(webhookUrlProblem("http://hooks.slack.com/services/T/B/X", { allowLoopbackHttp: true })).toBe("the URL must use https (got http:)");
  });

  it("fails when the value is not a URL", () => {
    expect(webhookUrlProblem("REPLACE_ME")).toBe("the value is not a URL");
  });
});

describe("webhookUrlFromSecretString", () => {
  it("reads a bare URL or a JSON object with url/webhookUrl", () => {
    expect(webhookUrlFromSecretString(" https://x \n")).toBe("https://x");
    expect(webhookUrlFromSecretString('{"webhookUrl":"https://y"}')).toBe("https://y");
    expect(webhookUrlFromSecretString('{"url":"https://z"}')).toBe("https://z");
    expect(webhookUrlFromSecretString("{oops")).toBe("");
  });
});

describe("WebhookSecret", () => {
  let clock: number;
  let secret: WebhookSecret;

  beforeEach(() => {
    aws.reset();
    clock = 0;
    secret = new WebhookSecret(new SecretsManagerClient({ region: "eu-west-1" }), "hook", { clock: () => clock });
  });

  it("caches the URL for 5 minutes", async () => {
    aws.state.secret = "https://hooks.slack.com/services/1";
    await secret.get();
    aws.state.secret = "https://hooks.slack.com/services/2";
    clock = 4 * 60_000;
    expect(await secret.get()).toEqual({ kind: "ready", url: "https://hooks.slack.com/services/1" });
    clock = 5 * 60_000 + 1;
    expect(await secret.get()).toEqual({ kind: "ready", url: "https://hooks.slack.com/services/2" });
    expect(aws.secrets.calls()).toHaveLength(2);
  });

  it("handles a secret without a value yet (ResourceNotFoundException)", async () => {
    expect(await secret.get()).toEqual({ kind: "missing", reason: "the secret has no AWSCURRENT version" });
  });

  it("handles an empty or non-https value as not set, and does not cache it", async () => {
    aws.state.secret = "";
    expect(await secret.get()).toEqual({ kind: "missing", reason: "the secret value is empty" });
    aws.state.secret = "http://hooks.slack.com/x";
    expect(await secret.get()).toEqual({ kind: "missing", reason: "the URL must use https (got http:)" });
    aws.state.secret = "https://hooks.slack.com/x";
    expect(await secret.get()).toEqual({ kind: "ready", url: "https://hooks.slack.com/x" });
  });

  it("fails when Secrets Manager denies access", async () => {
    aws.secrets.rejects(Object.assign(new Error("User is not authorized to perform secretsmanager:GetSecretValue"), { name: "AccessDeniedException" }));
    await expect(secret.get()).rejects.toThrow("not authorized to perform secretsmanager:GetSecretValue");
  });
});
