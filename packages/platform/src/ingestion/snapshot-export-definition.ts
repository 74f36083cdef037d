import type { RdsSnapshotExportDeclaration } from "../declarations/ingestion.ts";
import { catchInto, jsonata, str } from "../transforms/jsonata-states.ts";

export interface SnapshotExportDefinitionProps {
  /** `<domain>.<ingestion>`, for comments and messages. */
  readonly id: string;
  readonly ingestion: RdsSnapshotExportDeclaration;
  readonly bucket: string;
  /** Key prefix RDS writes under, without the trailing "/" (`sales/orders_db`). */
  readonly s3Prefix: string;
  /** Each day's export task is `<exportTaskPrefix>-<yyyy-MM-dd>`. */
  readonly exportTaskPrefix: string;
  readonly exportRoleArn: string;
  /** The lake key by alias ARN: the export encrypts its files with it. */
  readonly kmsKeyId: string;
  readonly topicArn: string;
  /** Offset of the schedule's zone (`+0900`), to turn the scheduled instant into the day of the run. */
  readonly utcOffset: string;
}

/** The export is polled this often; RDS exports take from minutes to hours. */
export const POLL_SECONDS = 600;
/** After this many polls (20 hours) the run gives up waiting and says so; the export itself goes on. */
export const MAX_POLLS = 120;

/** Describe calls change nothing, so any failure of theirs may be retried. */
const retryDescribe = [{ ErrorEquals: ["States.ALL"], IntervalSeconds: 5, BackoffRate: 2, MaxAttempts: 5, JitterStrategy: "FULL" }];

/**
 * One day's export as Step Functions states (JSONata, AWS SDK integrations): find the source's latest available
 * automated snapshot, start an export of the declared tables named after the day (so the day lands under its own
 * prefix, and RDS refuses a second export of the same day), then poll until RDS reports it complete. A missing
 * snapshot, a refused start, a failed or cancelled export, or one still running after 20 hours is published to
 * the domain's failure topic before the execution fails.
 */
export function snapshotExportDefinition(props: SnapshotExportDefinitionProps): Record<string, unknown> {
  const { ingestion: i } = props;
  const cluster = i.source.cluster !== undefined;
  const sourceId = (i.source.cluster ?? i.source.instance)!;
  // AWS SDK integrations spell acronyms as the Java SDK v2 does: DbClusterIdentifier, DbSnapshots.
  const find = cluster
    ? { action: "describeDBClusterSnapshots", argument: "DbClusterIdentifier", list: "DbClusterSnapshots", arn: "DbClusterSnapshotArn" }
    : { action: "describeDBSnapshots", argument: "DbInstanceIdentifier", list: "DbSnapshots", arn: "DbSnapshotArn" };
  const exportOnly = i.tables.map((t) => [t.source.database, t.source.schema, t.source.table].filter((part) => part !== undefined).join("."));

  const states: Record<string, Record<string, unknown>> = {
    ResolveRunDate: {
      Type: "Pass",
      Comment: "the day of the run in the schedule's zone, from the scheduler's scheduled time (or now, when started by hand)",
      Assign: {
        polls: 0,
        run_date: jsonata(
          `$fromMillis($exists($states.input.scheduled_time) ? $toMillis($states.input.scheduled_time) : $millis(), "[Y0001]-[M01]-[D01]", ${str(props.utcOffset)})`,
        ),
      },
      Next: "FindLatestSnapshot",
    },
    FindLatestSnapshot: {
      Type: "Task",
      Comment: `the newest available automated snapshot of ${cluster ? "cluster" : "instance"} ${sourceId}`,
      Resource: `arn:aws:states:::aws-sdk:rds:${find.action}`,
      Arguments: { [find.argument]: sourceId, SnapshotType: "automated" },
      Retry: retryDescribe,
      Catch: catchInto("NotifyFailure"),
      Assign: {
        export_id: jsonata(`${str(`${props.exportTaskPrefix}-`)} & $run_date`),
        snapshot: jsonata(`($arn := ($states.result.${find.list}[Status = "available"]^(>SnapshotCreateTime))[0].${find.arn}; $exists($arn) ? $arn : "")`),
      },
      Output: {},
      Next: "SnapshotFound",
    },
    SnapshotFound: {
      Type: "Choice",
      Choices: [{ Condition: jsonata('$snapshot != ""'), Next: "StartExport" }],
      Default: "NoSnapshot",
    },
    NoSnapshot: {
      Type: "Pass",
      Assign: { failure: { Error: "NoSnapshot", Cause: `${sourceId} has no available automated snapshot; check its backup retention` } },
      Next: "NotifyFailure",
    },
    StartExport: {
      Type: "Task",
      Comment: "not retried: a second start of the same day is refused (ExportTaskAlreadyExists)",
      Resource: "arn:aws:states:::aws-sdk:rds:startExportTask",
      Arguments: {
        ExportTaskIdentifier: jsonata("$export_id"),
        SourceArn: jsonata("$snapshot"),
        S3BucketName: props.bucket,
        S3Prefix: props.s3Prefix,
        IamRoleArn: props.exportRoleArn,
        KmsKeyId: props.kmsKeyId,
        ExportOnly: exportOnly,
      },
      Catch: catchInto("NotifyFailure"),
      Output: {},
      Next: "WaitForExport",
    },
    WaitForExport: { Type: "Wait", Seconds: POLL_SECONDS, Next: "CheckExport" },
    CheckExport: {
      Type: "Task",
      Resource: "arn:aws:states:::aws-sdk:rds:describeExportTasks",
      Arguments: { ExportTaskIdentifier: jsonata("$export_id") },
      Retry: retryDescribe,
      Catch: catchInto("NotifyFailure"),
      Assign: {
        polls: jsonata("$polls + 1"),
        status: jsonata('$exists($states.result.ExportTasks[0].Status) ? $states.result.ExportTasks[0].Status : "STARTING"'),
        export_failure: jsonata('$exists($states.result.ExportTasks[0].FailureCause) ? $states.result.ExportTasks[0].FailureCause : "no cause given"'),
      },
      Output: {},
      Next: "ExportDone",
    },
    ExportDone: {
      Type: "Choice",
      Choices: [
        { Condition: jsonata('$status = "COMPLETE"'), Next: "Succeeded" },
        { Condition: jsonata('$status in ["FAILED", "CANCELED", "CANCELING"]'), Next: "ExportFailed" },
        { Condition: jsonata(`$polls >= ${MAX_POLLS}`), Next: "ExportTooSlow" },
      ],
      Default: "WaitForExport",
    },
    ExportFailed: {
      Type: "Pass",
      Assign: { failure: { Error: "ExportFailed", Cause: jsonata('"export " & $export_id & " ended " & $status & ": " & $export_failure') } },
      Next: "NotifyFailure",
    },
    ExportTooSlow: {
      Type: "Pass",
      Assign: {
        failure: {
          Error: "ExportTooSlow",
          Cause: jsonata(`"export " & $export_id & " is still " & $status & " after ${(MAX_POLLS * POLL_SECONDS) / 3600} hours; it goes on, see aws rds describe-export-tasks"`),
        },
      },
      Next: "NotifyFailure",
    },
    NotifyFailure: {
      Type: "Task",
      Resource: "arn:aws:states:::sns:publish",
      Arguments: {
        TopicArn: props.topicArn,
        Subject: `Ingestion ${props.id} failed`.slice(0, 100),
        Message: jsonata(
          `${str(`Ingestion ${props.id} (RDS snapshot export of ${sourceId}) failed for `)} & $run_date & ": " & $failure.Error & ": " & $failure.Cause & "\\nExecution: " & $states.context.Execution.Id`,
        ),
      },
      Catch: [{ ErrorEquals: ["States.ALL"], Next: "Failed" }],
      Next: "Failed",
    },
    Failed: { Type: "Fail", Error: jsonata("$failure.Error"), Cause: jsonata("$failure.Cause") },
    Succeeded: { Type: "Succeed" },
  };
  return {
    Comment: `${props.id}: ${i.description}`,
    QueryLanguage: "JSONata",
    StartAt: "ResolveRunDate",
    // Longer than the polling limit, so that limit, which announces itself, always comes first.
    TimeoutSeconds: MAX_POLLS * POLL_SECONDS + 3600,
    States: states,
  };
}
