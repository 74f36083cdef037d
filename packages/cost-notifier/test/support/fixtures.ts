import type { QueryExecution } from "@aws-sdk/client-athena";
import type { Event as TrailEvent } from "@aws-sdk/client-cloudtrail";
import type { LogFields, Logger, LogLevel } from "../../src/log.ts";
import type { RuntimeOptions } from "../../src/runtime.ts";

export const NOW = new Date("2025-06-01T12:00:00.000Z");
export const TIB = 2 ** 40;
export const REGION = "eu-west-1";
export const SECRET_ID = "baikal/cost-notifier/slack-webhook";

export const ENV = {
  QUERY_LOG_BUCKET: "acme-lake",
  QUERY_LOG_PREFIX: "athena/query-log",
  QUERY_LOG_KMS_KEY_ID: "arn:aws:kms:eu-west-1:111111111111:key/abcd",
  IDEMPOTENCY_TABLE: "cost-notifier-idempotency",
  SLACK_WEBHOOK_SECRET_ID: SECRET_ID,
  ALERT_THRESHOLD_USD: "1",
  WORKGROUP_THRESHOLDS_USD: JSON.stringify({ etl: 20 }),
  PRICE_PER_TERABYTE_USD: "5",
  AWS_REGION: REGION,
} as const;

export interface ExecutionSpec {
  readonly id: string;
  readonly state?: string;
  readonly bytes?: number | null;
  readonly statementType?: "DDL" | "DML" | "UTILITY";
  readonly workgroup?: string;
  readonly query?: string;
  readonly submittedAt?: Date;
  readonly durationMs?: number;
  readonly reason?: string;
}

/** A GetQueryExecution answer; `bytes: null` leaves Statistics out entirely. */
export function execution(spec: ExecutionSpec): QueryExecution {
  const submittedAt = spec.submittedAt ?? new Date(NOW.getTime() - 10 * 60_000);
  const durationMs = spec.durationMs ?? 95_000;
  return {
    QueryExecutionId: spec.id,
    Query: spec.query ?? "SELECT * FROM web.events WHERE email = 'jane@example.com'",
    StatementType: spec.statementType ?? "DML",
    WorkGroup: spec.workgroup ?? "analytics",
    QueryExecutionContext: { Catalog: "AwsDataCatalog", Database: "web" },
    Status: {
      State: (spec.state ?? "SUCCEEDED") as "SUCCEEDED",
      StateChangeReason: spec.reason,
      SubmissionDateTime: submittedAt,
      CompletionDateTime: new Date(submittedAt.getTime() + durationMs),
    },
    Statistics:
      spec.bytes === null
        ? undefined
        : {
            DataScannedInBytes: spec.bytes ?? TIB,
            EngineExecutionTimeInMillis: durationMs - 2_000,
            QueryQueueTimeInMillis: 1_500,
            TotalExecutionTimeInMillis: durationMs,
          },
  };
}

/** The EventBridge event Athena sends. */
export function athenaEvent(queryExecutionId: string, currentState = "SUCCEEDED", workgroupName = "analytics") {
  return {
    version: "0",
    id: "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
    "detail-type": "Athena Query State Change",
    source: "aws.athena",
    account: "111111111111",
    time: NOW.toISOString(),
    region: REGION,
    resources: [],
    detail: { versionId: "0", currentState, previousState: "RUNNING", statementType: "DML", queryExecutionId, workgroupName, sequenceNumber: "3" },
  };
}

/** A CloudTrail `StartQueryExecution` record as LookupEvents returns it. */
export function startQueryTrailEvent(queryExecutionId: string, arn = "arn:aws:sts::111111111111:assumed-role/Analyst/jane"): TrailEvent {
  return {
    EventName: "StartQueryExecution",
    EventTime: NOW,
    CloudTrailEvent: JSON.stringify({
      eventName: "StartQueryExecution",
      userIdentity: { type: "AssumedRole", principalId: "AROAEXAMPLE:jane", arn, accountId: "111111111111" },
      responseElements: { queryExecutionId },
    }),
  };
}

export interface LogLine {
  readonly level: LogLevel;
  readonly msg: string;
  readonly fields: LogFields;
}

export function collectLogs(): { lines: LogLine[]; log: Logger } {
  const lines: LogLine[] = [];
  return { lines, log: (level, msg, fields = {}) => lines.push({ level, msg, fields }) };
}

/** A runtime clock that stands still at NOW until a test moves it (leases are measured on it). */
export function testClock() {
  let current = NOW;
  return {
    now: () => current,
    advance(ms: number) {
      current = new Date(current.getTime() + ms);
    },
  };
}

/** What Lambda passes as context: this much time left, counting down on the process clock. */
export function lambdaContext(remainingMs: number) {
  const endsAt = Date.now() + remainingMs;
  return { getRemainingTimeInMillis: () => endsAt - Date.now() };
}

/** Runtime seams for tests: a clock standing at NOW, recorded sleeps, collected logs, loopback Slack allowed. */
export function testRuntime(overrides: Partial<RuntimeOptions> = {}) {
  const logs = collectLogs();
  const sleeps: number[] = [];
  const clock = testClock();
  const options: RuntimeOptions = {
    env: ENV,
    log: logs.log,
    now: clock.now,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    allowLoopbackHttp: true,
    ...overrides,
  };
  return { options, logs: logs.lines, sleeps, clock };
}

export function recordKeyFor(id: string, day = "2025-06-01"): string {
  return `athena/query-log/dt=${day}/${id}.json`;
}

export const EXECUTION_ARN = "arn:aws:states:eu-west-1:111111111111:execution:acme-web-daily_users:6f1c2d3e-0000-4b5a-9c8d-123456789abc";

/** The `lambda` message a transform's state machine publishes when a run fails. */
export function transformFailureMessage(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    kind: "baikal.transform-failure",
    domain: "web",
    transform: "web.daily_users",
    target: "web.daily_users",
    runDate: "2025-05-31",
    error: "DataTestFailed",
    cause: "data test failed on web.daily_users: user_id is null in some rows (3 bad rows)",
    execution: EXECUTION_ARN,
    ...overrides,
  });
}

export const ALARM_NAME = "acme-athena-cost-dead-letters-not-empty";

/** What a CloudWatch alarm action publishes to SNS: the dead-letter queue's alarm going off. */
export function alarmMessage(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    AlarmName: ALARM_NAME,
    AlarmDescription:
      "Messages in acme-athena-cost-dead-letters: an Athena query event or cost-monitor invocation failed for good. Read them, fix the cause, then redrive or purge.",
    AWSAccountId: "111111111111",
    AlarmConfigurationUpdatedTimestamp: "2025-05-30T09:00:00.000+0000",
    NewStateValue: "ALARM",
    NewStateReason:
      "Threshold Crossed: 1 out of the last 1 datapoints [2.0 (01/06/25 11:55:00)] was greater than the threshold (0.0) (minimum 1 datapoint for OK -> ALARM transition).",
    StateChangeTime: "2025-06-01T12:00:00.000+0000",
    Region: "EU (Ireland)",
    AlarmArn: `arn:aws:cloudwatch:eu-west-1:111111111111:alarm:${ALARM_NAME}`,
    OldStateValue: "OK",
    OKActions: ["arn:aws:sns:eu-west-1:111111111111:acme-platform-alerts"],
    AlarmActions: ["arn:aws:sns:eu-west-1:111111111111:acme-platform-alerts"],
    InsufficientDataActions: [],
    Trigger: {
      MetricName: "ApproximateNumberOfMessagesVisible",
      Namespace: "AWS/SQS",
      StatisticType: "Statistic",
      Statistic: "MAXIMUM",
      Unit: null,
      Dimensions: [{ value: "acme-athena-cost-dead-letters", name: "QueueName" }],
      Period: 300,
      EvaluationPeriods: 1,
      ComparisonOperator: "GreaterThanThreshold",
      Threshold: 0.0,
      TreatMissingData: "notBreaching",
      EvaluateLowSampleCountPercentile: "",
    },
    ...overrides,
  });
}

/** The event SNS invokes a subscribed Lambda with: one record per invocation. */
export function snsEvent(message: string, subject: string | null = "Transform web.daily_users failed") {
  return {
    Records: [
      {
        EventSource: "aws:sns",
        EventVersion: "1.0",
        EventSubscriptionArn: "arn:aws:sns:eu-west-1:111111111111:acme-web-transform-failures:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55",
        Sns: {
          Type: "Notification",
          MessageId: "95df01b4-ee98-5cb9-9903-4c221d41eb5e",
          TopicArn: "arn:aws:sns:eu-west-1:111111111111:acme-web-transform-failures",
          Subject: subject,
          Message: message,
          Timestamp: NOW.toISOString(),
          SignatureVersion: "1",
          MessageAttributes: {},
        },
      },
    ],
  };
}
