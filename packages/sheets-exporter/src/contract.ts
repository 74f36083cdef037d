/**
 * What the platform and the Lambda agree on, free of any SDK so a synth can import it: the environment each export's
 * function is configured with, and the event EventBridge Scheduler sends.
 */
export const ENVIRONMENT = {
  /** `<domain>.<export>`, for logs and failure messages. */
  exportId: "EXPORT_ID",
  /** The SELECT the export runs (the view's columns, in order). */
  query: "EXPORT_QUERY",
  /** The domain's database (the query's default) and its Athena workgroup. */
  database: "ATHENA_DATABASE",
  workgroup: "ATHENA_WORKGROUP",
  spreadsheetId: "SPREADSHEET_ID",
  /** The tab to replace. */
  sheet: "SHEET_NAME",
  /** Secrets Manager secret (ARN or name) holding the Google service account's JSON key. */
  serviceAccountSecretId: "GOOGLE_SERVICE_ACCOUNT_SECRET_ID",
  /** The domain's failure topic. */
  failureTopicArn: "FAILURE_TOPIC_ARN",
  /**
   * Tests only: an `http://127.0.0.1:<port>` origin that stands in for Google's token endpoint and Sheets API. Any
   * other value is refused, so no configuration can send a service account's key anywhere but Google.
   */
  googleEndpointOverride: "GOOGLE_ENDPOINT_OVERRIDE",
} as const;

export type Environment = Readonly<Record<string, string | undefined>>;

/** What EventBridge Scheduler sends (`<aws.scheduler.scheduled-time>`); an invocation by hand may send nothing. */
export interface ScheduledEvent {
  readonly scheduled_time?: string;
}
