import { quoteIdentifier, quoteName } from "@baikal/sql/names";
import { TRANSFORM_FAILURE_KIND, type TransformFailure } from "../cost-monitor/notifier-package.ts";
import type { ResolvedTransform } from "./resolved-transform.ts";
import { jsonataSql, type SqlTemplate } from "./run-parameters.ts";
import { catchInto, jsonata, str } from "./jsonata-states.ts";

export interface DefinitionProps {
  readonly transform: ResolvedTransform;
  readonly workgroup: string;
  /** The target's bucket and its key prefix (`news/daily_article_stats/`). */
  readonly bucket: string;
  readonly tablePrefix: string;
  readonly topicArn: string;
  /** State machines of the transforms that read this one's target, started on success. */
  readonly dependentArns: readonly string[];
  /** Offset of the schedule's zone (`+0900`), to turn the scheduled instant into a local date. */
  readonly utcOffset: string;
}

/** Whole runs (clear, then write) are tried this often before the failure is announced. */
export const MAX_RUN_ATTEMPTS = 3;
const RETRY_WAIT_SECONDS = 60;

/**
 * StartQueryExecution was refused or failed inside Athena before a query ran: safe to call again. Athena's own error
 * shapes (the service model in `@aws-sdk/client-athena`): its throttle is TooManyRequestsException.
 */
const THROTTLING = ["Athena.TooManyRequestsException", "Athena.InternalServerException"];
const retryThrottling = [{ ErrorEquals: THROTTLING, IntervalSeconds: 5, BackoffRate: 2, MaxAttempts: 6, MaxDelaySeconds: 300, JitterStrategy: "FULL" }];
/** Listing and deleting objects are idempotent, so any failure of theirs may be retried. */
const retryS3 = [{ ErrorEquals: ["States.ALL"], IntervalSeconds: 2, BackoffRate: 2, MaxAttempts: 5, JitterStrategy: "FULL" }];

/** The statement a run executes: INSERT INTO the target, narrowed to the run date's partition when incremental. */
export function writeStatement(t: ResolvedTransform): SqlTemplate {
  const into = { text: `INSERT INTO ${quoteName(t.domain, t.target.name)}\n` };
  if (!t.partitionKey) return [into, ...t.select];
  // Whatever the SELECT returns, only rows of the partition just cleared are written: a rerun can never add
  // rows to another day, and so never duplicates them.
  const key = t.target.partitionKeys?.find((k) => k.name === t.partitionKey);
  const literal = key?.type === "date" ? "DATE " : "";
  return [into, { text: "SELECT * FROM (\n" }, ...t.select, { text: `\n) AS transform_output\nWHERE ${quoteIdentifier(t.partitionKey)} = ${literal}` }, { param: "run_date" }];
}

/**
 * The run as Step Functions states (JSONata): resolve the run date, clear what the run replaces (the run date's
 * partition prefix, or the whole table), INSERT INTO with `startQueryExecution.sync`, run the data tests, start
 * the transforms that read this table; any failure is published to SNS before the execution fails.
 *
 * Clearing the prefix first rather than dropping and re-creating the table keeps the Glue table, and so its Lake
 * Formation grants, untouched; partition projection means no partition metadata needs to change either.
 */
export function stateMachineDefinition(props: DefinitionProps): Record<string, unknown> {
  const { transform: t } = props;
  const query = (sql: SqlTemplate) => ({
    QueryString: jsonata(jsonataSql(sql)),
    WorkGroup: props.workgroup,
    QueryExecutionContext: { Database: t.domain },
  });
  const lagMs = (t.declaration.schedule?.lagDays ?? 1) * 86_400_000;
  const prefix = t.partitionKey ? `${str(`${props.tablePrefix}${t.partitionKey}=`)} & $run_date & "/"` : str(props.tablePrefix);
  const states: Record<string, Record<string, unknown>> = {
    ResolveRunDate: {
      Type: "Pass",
      Comment: "run_date from the input (backfill, upstream transform) or from the scheduler's scheduled time",
      Assign: {
        attempt: 1,
        run_date: jsonata(
          `$exists($states.input.run_date) ? $string($states.input.run_date) : $exists($states.input.scheduled_time) ? ` +
            `$fromMillis($toMillis($states.input.scheduled_time) - ${lagMs}, "[Y0001]-[M01]-[D01]", ${str(props.utcOffset)}) : ""`,
        ),
      },
      Next: "CheckRunDate",
    },
    CheckRunDate: {
      Type: "Choice",
      Choices: [{ Condition: jsonata("$contains($run_date, /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/)"), Next: "ListTargetObjects" }],
      Default: "InvalidRunDate",
    },
    InvalidRunDate: {
      Type: "Pass",
      Assign: { failure: { Error: "InvalidRunDate", Cause: jsonata(`"run_date must be yyyy-MM-dd, got: " & $string($states.input)`) } },
      Next: "NotifyFailure",
    },
    ListTargetObjects: {
      Type: "Task",
      Comment: t.partitionKey ? "what the run replaces: the run date's partition" : "what the run replaces: the whole table",
      Resource: "arn:aws:states:::aws-sdk:s3:listObjectsV2",
      Arguments: { Bucket: props.bucket, Prefix: jsonata(prefix) },
      Retry: retryS3,
      Catch: catchInto("NotifyFailure"),
      Next: "TargetCleared",
    },
    TargetCleared: {
      Type: "Choice",
      Choices: [{ Condition: jsonata("$count($states.input.Contents) = 0"), Next: "Write" }],
      Default: "DeleteTargetObjects",
    },
    DeleteTargetObjects: {
      Type: "Task",
      Comment: "up to 1000 objects per call; listing again until nothing is left",
      Resource: "arn:aws:states:::aws-sdk:s3:deleteObjects",
      Arguments: { Bucket: props.bucket, Delete: { Objects: jsonata('[$states.input.Contents.{"Key": Key}]'), Quiet: true } },
      Retry: retryS3,
      Catch: catchInto("NotifyFailure"),
      Next: "ListTargetObjects",
    },
    Write: {
      Type: "Task",
      Resource: "arn:aws:states:::athena:startQueryExecution.sync",
      Arguments: query(writeStatement(t)),
      Retry: retryThrottling,
      // A failed INSERT may have left some files: a retry starts over from clearing the partition.
      Catch: [{ ErrorEquals: ["States.ALL"], Assign: { failure: "{% $states.errorOutput %}", attempt: "{% $attempt + 1 %}" }, Next: "CanRetryRun" }],
      Next: t.tests[0]?.id ?? firstAfterTests(props),
    },
    CanRetryRun: {
      Type: "Choice",
      Choices: [{ Condition: jsonata(`$attempt <= ${MAX_RUN_ATTEMPTS}`), Next: "WaitBeforeRetry" }],
      Default: "NotifyFailure",
    },
    WaitBeforeRetry: {
      Type: "Wait",
      Seconds: jsonata(`${RETRY_WAIT_SECONDS} * $power(2, $attempt - 2)`),
      Next: "ListTargetObjects",
    },
  };

  t.tests.forEach((test, index) => {
    const next = t.tests[index + 1]?.id ?? firstAfterTests(props);
    states[test.id] = {
      Type: "Task",
      Comment: test.label,
      Resource: "arn:aws:states:::athena:startQueryExecution.sync",
      Arguments: query(test.sql),
      Retry: retryThrottling,
      Catch: catchInto("NotifyFailure"),
      Output: jsonata("$states.result.QueryExecution.QueryExecutionId"),
      Next: `${test.id}_result`,
    };
    states[`${test.id}_result`] = {
      Type: "Task",
      Resource: "arn:aws:states:::athena:getQueryResults",
      Arguments: { QueryExecutionId: jsonata("$states.input"), MaxResults: 2 },
      Retry: retryThrottling,
      Catch: catchInto("NotifyFailure"),
      // Row 0 is the header; row 1 holds `failures`.
      Output: jsonata("$number($states.result.ResultSet.Rows[1].Data[0].VarCharValue)"),
      Next: `${test.id}_check`,
    };
    states[`${test.id}_check`] = {
      Type: "Choice",
      Choices: [{ Condition: jsonata("$states.input > 0"), Next: `${test.id}_failed` }],
      Default: next,
    };
    states[`${test.id}_failed`] = {
      Type: "Pass",
      Assign: {
        failure: {
          Error: "DataTestFailed",
          Cause: jsonata(`${str(`data test failed on ${t.domain}.${t.target.name}: ${test.label} (`)} & $string($states.input) & " bad rows)"`),
        },
      },
      Next: "NotifyFailure",
    };
  });

  props.dependentArns.forEach((arn, index) => {
    states[startState(arn)] = {
      Type: "Task",
      Comment: "a transform that reads this table runs for the same date",
      Resource: "arn:aws:states:::states:startExecution",
      Arguments: { StateMachineArn: arn, Input: { run_date: "{% $run_date %}" } },
      // The error shape of Step Functions' own model, as the nested-workflow guide names it: no "Exception" suffix.
      Retry: [{ ErrorEquals: ["StepFunctions.ExecutionLimitExceeded"], IntervalSeconds: 5, BackoffRate: 2, MaxAttempts: 5 }],
      Catch: catchInto("NotifyFailure"),
      Next: props.dependentArns[index + 1] ? startState(props.dependentArns[index + 1]!) : "Succeeded",
    };
  });

  states.NotifyFailure = {
    Type: "Task",
    Resource: "arn:aws:states:::sns:publish",
    Arguments: {
      TopicArn: props.topicArn,
      Subject: `Transform ${t.id} failed`.slice(0, 100),
      // One message per protocol: email subscribers read the `default` text, the cost monitor's Slack notifier
      // (a Lambda subscription) reads `lambda`, the same facts as JSON (`TransformFailure`).
      MessageStructure: "json",
      Message: jsonata(`$string(${jsonataObject({ default: failureText(t), lambda: `$string(${jsonataObject(failureFields(t))})` })})`),
    },
    Catch: [{ ErrorEquals: ["States.ALL"], Next: "Failed" }],
    Next: "Failed",
  };
  states.Failed = { Type: "Fail", Error: jsonata("$failure.Error"), Cause: jsonata("$failure.Cause") };
  states.Succeeded = { Type: "Succeed" };
  return {
    Comment: `${t.id}: ${t.declaration.description}`,
    QueryLanguage: "JSONata",
    StartAt: "ResolveRunDate",
    TimeoutSeconds: 6 * 3600,
    States: states,
  };
}

// JSONata's own "\n" escape, not a raw line break inside the string literal: asl-validator's JSONata pattern and some
// tools reject a raw line break (Step Functions itself accepts both, aws/aws-cdk#35912); the message is the same.
const failureText = (t: ResolvedTransform) =>
  `${str(`Transform ${t.id} (writes ${t.domain}.${t.target.name}) failed for run date `)} & $run_date & ": " & $failure.Error & ": " & $failure.Cause & "\\nExecution: " & $states.context.Execution.Id`;

/** JSONata for each field of the notifier's `TransformFailure`; a field whose value is undefined is left out. */
const failureFields = (t: ResolvedTransform): Record<keyof TransformFailure, string> => ({
  kind: str(TRANSFORM_FAILURE_KIND),
  domain: str(t.domain),
  transform: str(t.id),
  target: str(`${t.domain}.${t.target.name}`),
  runDate: "$run_date",
  error: "$failure.Error",
  cause: "$failure.Cause",
  execution: "$states.context.Execution.Id",
});

/** A JSONata object constructor from JSONata expressions. */
const jsonataObject = (fields: Record<string, string>) => `{${Object.entries(fields).map(([key, value]) => `${str(key)}: ${value}`).join(", ")}}`;

const startState = (arn: string) => `start_${arn.slice(arn.lastIndexOf(":") + 1)}`.slice(0, 80);
const firstAfterTests = (props: DefinitionProps) => (props.dependentArns[0] ? startState(props.dependentArns[0]) : "Succeeded");

/** `+0900` for Asia/Tokyo. Zones with daylight saving time use their standard (smaller) offset all year. */
export function utcOffset(timezone: string): string {
  const minutes = (at: number) => {
    const name = new Intl.DateTimeFormat("en-US", { timeZone: timezone, timeZoneName: "longOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName")!.value;
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  };
  const offset = Math.min(minutes(Date.UTC(2024, 0, 15)), minutes(Date.UTC(2024, 6, 15)));
  const abs = Math.abs(offset);
  return `${offset < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}
