import { describe, expect, it } from "vitest";
import { ENVIRONMENT, loadConfig, thresholdFor } from "../src/config.ts";
import { ENV } from "./support/fixtures.ts";

describe("loadConfig", () => {
  it("reads every variable", () => {
    expect(loadConfig(ENV)).toEqual({
      queryLogBucket: "acme-lake",
      queryLogPrefix: "athena/query-log",
      queryLogKmsKeyId: "arn:aws:kms:eu-west-1:111111111111:key/abcd",
      idempotencyTable: "cost-notifier-idempotency",
      slackWebhookSecretId: "baikal/cost-notifier/slack-webhook",
      alertThresholdUsd: 1,
      workgroupThresholdsUsd: { etl: 20 },
      pricePerTerabyteUsd: 5,
      sweepLookbackMinutes: 90,
      region: "eu-west-1",
    });
  });

  it("applies defaults for the optional variables", () => {
    const config = loadConfig({
      QUERY_LOG_BUCKET: "b",
      IDEMPOTENCY_TABLE: "t",
      SLACK_WEBHOOK_SECRET_ID: "s",
      AWS_REGION: "us-east-1",
      QUERY_LOG_PREFIX: "/logs/",
    });
    expect(config).toMatchObject({
      queryLogPrefix: "logs",
      queryLogKmsKeyId: undefined,
      alertThresholdUsd: 1,
      pricePerTerabyteUsd: 5,
      workgroupThresholdsUsd: {},
    });
  });

  it("fails when required variables are missing, naming each one", () => {
    expect(() => loadConfig({ AWS_REGION: "eu-west-1" })).toThrow(
      "invalid cost-notifier configuration: QUERY_LOG_BUCKET is required but not set; IDEMPOTENCY_TABLE is required but not set; SLACK_WEBHOOK_SECRET_ID is required but not set",
    );
  });

  it("fails when a number is not a number", () => {
    expect(() => loadConfig({ ...ENV, ALERT_THRESHOLD_USD: "ten" })).toThrow('ALERT_THRESHOLD_USD must be a non-negative number, got "ten"');
    expect(() => loadConfig({ ...ENV, PRICE_PER_TERABYTE_USD: "-5" })).toThrow("PRICE_PER_TERABYTE_USD must be a non-negative number");
    expect(() => loadConfig({ ...ENV, SWEEP_LOOKBACK_MINUTES: "0" })).toThrow("SWEEP_LOOKBACK_MINUTES must be a positive number");
  });

  it("fails when WORKGROUP_THRESHOLDS_USD is not a JSON object of numbers", () => {
    expect(() => loadConfig({ ...ENV, WORKGROUP_THRESHOLDS_USD: "{etl: 5}" })).toThrow("WORKGROUP_THRESHOLDS_USD must be a JSON object");
    expect(() => loadConfig({ ...ENV, WORKGROUP_THRESHOLDS_USD: "[5]" })).toThrow("WORKGROUP_THRESHOLDS_USD must be a JSON object");
    expect(() => loadConfig({ ...ENV, WORKGROUP_THRESHOLDS_USD: '{"etl": "5"}' })).toThrow(
      'WORKGROUP_THRESHOLDS_USD: threshold for workgroup "etl" must be a non-negative number',
    );
  });

  it("exports the variable names for the Terraform construct", () => {
    expect(ENVIRONMENT).toMatchObject({ queryLogBucket: "QUERY_LOG_BUCKET", workgroupThresholdsUsd: "WORKGROUP_THRESHOLDS_USD" });
  });
});

describe("thresholdFor", () => {
  const config = loadConfig(ENV);

  it("uses the default threshold for workgroups without an override", () => {
    expect(thresholdFor(config, "analytics")).toBe(1);
  });

  it("uses the per-workgroup override", () => {
    expect(thresholdFor(config, "etl")).toBe(20);
  });

  it("handles workgroup names that are Object.prototype members", () => {
    expect(thresholdFor(config, "toString")).toBe(1);
    expect(thresholdFor(loadConfig({ ...ENV, WORKGROUP_THRESHOLDS_USD: '{"__proto__": 3}' }), "__proto__")).toBe(3);
  });
});
