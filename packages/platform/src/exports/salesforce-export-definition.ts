import { quoteIdentifier, quoteName } from "@baikal/sql/names";
import type { SalesforceExportDeclaration } from "../declarations/export.ts";
import { catchInto, jsonata, str } from "../transforms/jsonata-states.ts";

export interface SalesforceExportDefinitionProps {
  /** `<domain>.<export>`, for comments and messages. */
  readonly id: string;
  readonly export: SalesforceExportDeclaration;
  readonly domain: string;
  readonly workgroup: string;
  /** The query-results bucket and the staging folder AppFlow reads (no trailing "/"). */
  readonly stagingBucket: string;
  readonly stagingPrefix: string;
  /** The on-demand flow that sends the staged rows to Salesforce. */
  readonly flowName: string;
  /** `s3://<raw bucket>/<domain>/exports/<name>/errors/`, named in the message about rejected records. */
  readonly errorLocation: string;
  readonly topicArn: string;
}

/** AppFlow runs are polled this often; sending a few thousand records takes a minute or two. */
export const FLOW_POLL_SECONDS = 30;
/** After this many polls (2 hours) the run stops waiting and says so; the flow run itself goes on. */
export const MAX_FLOW_POLLS = 240;

/** Listing, deleting and describing change nothing twice, so any failure of theirs may be retried. */
const retryIdempotent = [{ ErrorEquals: ["States.ALL"], IntervalSeconds: 2, BackoffRate: 2, MaxAttempts: 5, JitterStrategy: "FULL" }];
/** Athena's throttle and its internal errors before a query ran: safe to start again (error names from @aws-sdk/client-athena). */
const retryAthena = [
  { ErrorEquals: ["Athena.TooManyRequestsException", "Athena.InternalServerException"], IntervalSeconds: 5, BackoffRate: 2, MaxAttempts: 6, JitterStrategy: "FULL" },
];

/**
 * The statement that stages the rows: only the mapped columns, as JSON lines (one object per row, keys = column
 * names), uncompressed. AppFlow reads CSV with a header row or JSON lines from S3; Athena's TEXTFILE output has
 * neither a header nor quoting, so JSON it is, and AppFlow cannot be told a file is gzipped.
 */
export function unloadStatement(props: Pick<SalesforceExportDefinitionProps, "export" | "domain" | "stagingBucket" | "stagingPrefix">): string {
  const columns = Object.keys(props.export.destination.mapping).map(quoteIdentifier).join(", ");
  return (
    `UNLOAD (SELECT ${columns} FROM ${quoteName(props.domain, props.export.view)}) ` +
    `TO 's3://${props.stagingBucket}/${props.stagingPrefix}/' WITH (format = 'JSON', compression = 'NONE')`
  );
}

/**
 * One run as Step Functions states (JSONata, AWS SDK integrations): refuse to overlap a run still going, empty the
 * staging folder (UNLOAD writes only to an empty location), UNLOAD the view's mapped columns there, start the
 * on-demand flow unless the view had no rows, then poll its execution record until it ends. A failed flow run, or
 * a successful one in which Salesforce rejected records, is published to the domain's failure topic with the count
 * of rejected records (AppFlow wrote them to the error prefix) before the execution fails.
 */
export function salesforceExportDefinition(props: SalesforceExportDefinitionProps): Record<string, unknown> {
  const e = props.export;
  const stagingFolder = `${props.stagingPrefix}/`;
  const states: Record<string, Record<string, unknown>> = {
    CheckNoOtherRun: {
      Type: "Task",
      Comment: "two runs would empty each other's staging folder",
      Resource: "arn:aws:states:::aws-sdk:sfn:listExecutions",
      Arguments: { StateMachineArn: jsonata("$states.context.StateMachine.Id"), StatusFilter: "RUNNING", MaxResults: 2 },
      Retry: retryIdempotent,
      Catch: catchInto("NotifyFailure"),
      Assign: { polls: 0, others: jsonata("$count($states.result.Executions[ExecutionArn != $states.context.Execution.Id])") },
      Output: {},
      Next: "OtherRunGoing",
    },
    OtherRunGoing: {
      Type: "Choice",
      Choices: [{ Condition: jsonata("$others > 0"), Next: "Overlapping" }],
      Default: "ListStagedFiles",
    },
    Overlapping: {
      Type: "Pass",
      Assign: { failure: { Error: "PreviousRunStillRunning", Cause: "the previous run of this export is still going; this run was skipped, the next one will send the view again" } },
      Next: "NotifyFailure",
    },
    ListStagedFiles: {
      Type: "Task",
      Comment: "what the previous run staged",
      Resource: "arn:aws:states:::aws-sdk:s3:listObjectsV2",
      Arguments: { Bucket: props.stagingBucket, Prefix: stagingFolder },
      Retry: retryIdempotent,
      Catch: catchInto("NotifyFailure"),
      Next: "StagingEmpty",
    },
    StagingEmpty: {
      Type: "Choice",
      Choices: [{ Condition: jsonata("$count($states.input.Contents) = 0"), Next: "Unload" }],
      Default: "DeleteStagedFiles",
    },
    DeleteStagedFiles: {
      Type: "Task",
      Comment: "up to 1000 objects per call; listing again until nothing is left",
      Resource: "arn:aws:states:::aws-sdk:s3:deleteObjects",
      Arguments: { Bucket: props.stagingBucket, Delete: { Objects: jsonata('[$states.input.Contents.{"Key": Key}]'), Quiet: true } },
      Retry: retryIdempotent,
      Catch: catchInto("NotifyFailure"),
      Next: "ListStagedFiles",
    },
    Unload: {
      Type: "Task",
      Comment: `the mapped columns of ${props.domain}.${e.view} as JSON lines, read by AppFlow`,
      Resource: "arn:aws:states:::athena:startQueryExecution.sync",
      Arguments: { QueryString: unloadStatement(props), WorkGroup: props.workgroup, QueryExecutionContext: { Database: props.domain } },
      Retry: retryAthena,
      Catch: catchInto("NotifyFailure"),
      Output: {},
      Next: "ListUnloadedFiles",
    },
    ListUnloadedFiles: {
      Type: "Task",
      Resource: "arn:aws:states:::aws-sdk:s3:listObjectsV2",
      Arguments: { Bucket: props.stagingBucket, Prefix: stagingFolder },
      Retry: retryIdempotent,
      Catch: catchInto("NotifyFailure"),
      Assign: { staged_bytes: jsonata("$sum($states.result.Contents.Size)") },
      Output: {},
      Next: "AnythingToSend",
    },
    AnythingToSend: {
      Type: "Choice",
      Comment: "a view with no rows leaves nothing (or empty files), and AppFlow fails a run without records",
      Choices: [{ Condition: jsonata("$staged_bytes > 0"), Next: "StartFlow" }],
      Default: "Succeeded",
    },
    StartFlow: {
      Type: "Task",
      Comment: "not retried: a second start would send every record again",
      Resource: "arn:aws:states:::aws-sdk:appflow:startFlow",
      Arguments: { FlowName: props.flowName },
      Catch: catchInto("NotifyFailure"),
      Assign: { flow_execution: jsonata("$states.result.ExecutionId") },
      Output: {},
      Next: "WaitForFlow",
    },
    WaitForFlow: { Type: "Wait", Seconds: FLOW_POLL_SECONDS, Next: "CheckFlow" },
    CheckFlow: {
      Type: "Task",
      Resource: "arn:aws:states:::aws-sdk:appflow:describeFlowExecutionRecords",
      Arguments: { FlowName: props.flowName, MaxResults: 20 },
      Retry: retryIdempotent,
      Catch: catchInto("NotifyFailure"),
      Assign: {
        polls: jsonata("$polls + 1"),
        flow_status: jsonata('($r := $states.result.FlowExecutions[ExecutionId = $flow_execution]; $exists($r.ExecutionStatus) ? $r.ExecutionStatus : "InProgress")'),
        rejected: jsonata(
          "($r := $states.result.FlowExecutions[ExecutionId = $flow_execution]; $exists($r.ExecutionResult.ErrorInfo.PutFailuresCount) ? $r.ExecutionResult.ErrorInfo.PutFailuresCount : 0)",
        ),
        sent: jsonata("($r := $states.result.FlowExecutions[ExecutionId = $flow_execution]; $exists($r.ExecutionResult.RecordsProcessed) ? $r.ExecutionResult.RecordsProcessed : 0)"),
        flow_message: jsonata(
          '($r := $states.result.FlowExecutions[ExecutionId = $flow_execution]; $exists($r.ExecutionResult.ErrorInfo.ExecutionMessage) ? $r.ExecutionResult.ErrorInfo.ExecutionMessage : "no message")',
        ),
      },
      Output: {},
      Next: "FlowDone",
    },
    FlowDone: {
      Type: "Choice",
      Choices: [
        { Condition: jsonata('$flow_status = "Successful" and $rejected = 0'), Next: "Succeeded" },
        { Condition: jsonata('$flow_status = "Successful"'), Next: "RecordsRejected" },
        { Condition: jsonata('$flow_status in ["Error", "Canceled", "CancelStarted"]'), Next: "FlowFailed" },
        { Condition: jsonata(`$polls >= ${MAX_FLOW_POLLS}`), Next: "FlowTooSlow" },
      ],
      Default: "WaitForFlow",
    },
    RecordsRejected: {
      Type: "Pass",
      Assign: {
        failure: {
          Error: "RecordsRejected",
          Cause: jsonata(`"Salesforce rejected " & $string($rejected) & " of " & $string($sent) & " records; AppFlow wrote them to ${props.errorLocation}"`),
        },
      },
      Next: "NotifyFailure",
    },
    FlowFailed: {
      Type: "Pass",
      Assign: {
        failure: {
          Error: "FlowFailed",
          Cause: jsonata(
            `"flow run " & $flow_execution & " ended " & $flow_status & " (" & $string($rejected) & " records rejected): " & $flow_message & "; rejected records are in ${props.errorLocation}"`,
          ),
        },
      },
      Next: "NotifyFailure",
    },
    FlowTooSlow: {
      Type: "Pass",
      Assign: {
        failure: {
          Error: "FlowTooSlow",
          Cause: jsonata(`"flow run " & $flow_execution & " is still " & $flow_status & " after ${(MAX_FLOW_POLLS * FLOW_POLL_SECONDS) / 3600} hours; it goes on, see aws appflow describe-flow-execution-records --flow-name ${props.flowName}"`),
        },
      },
      Next: "NotifyFailure",
    },
    NotifyFailure: {
      Type: "Task",
      Resource: "arn:aws:states:::sns:publish",
      Arguments: {
        TopicArn: props.topicArn,
        Subject: `Export ${props.id} failed`.slice(0, 100),
        Message: jsonata(
          `${str(`Export ${props.id} (${props.domain}.${e.view} to Salesforce ${e.destination.object}) failed: `)} & $failure.Error & ": " & $failure.Cause & "\\nExecution: " & $states.context.Execution.Id`,
        ),
      },
      Catch: [{ ErrorEquals: ["States.ALL"], Next: "Failed" }],
      Next: "Failed",
    },
    Failed: { Type: "Fail", Error: jsonata("$failure.Error"), Cause: jsonata("$failure.Cause") },
    Succeeded: { Type: "Succeed" },
  };
  return {
    Comment: `${props.id}: ${e.description}`,
    QueryLanguage: "JSONata",
    StartAt: "CheckNoOtherRun",
    // Longer than the polling limit, so that limit, which announces itself, always comes first.
    TimeoutSeconds: MAX_FLOW_POLLS * FLOW_POLL_SECONDS + 3600,
    States: states,
  };
}
