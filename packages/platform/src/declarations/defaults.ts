/** Every documented default in one place; applied with `??` so a user's `0` or `false` survives. */
export const DEFAULTS = {
  queryResultsRetentionDays: 30,
  noncurrentVersionRetentionDays: 90,
  accessLogRetentionDays: 400,
  abortIncompleteUploadDays: 7,
  scanLimitBytes: 100 * 1024 ** 3,
  engineVersion: "Athena engine version 3",
  alertThresholdUsd: 1,
  pricePerTerabyteUsd: 5,
  /** Version 4 shares named resources and LF-tags through one RAM share per account pair, also in hybrid mode. */
  crossAccountVersion: "4",
  kmsDeletionWindowDays: 30,
  partitionLayout: "hive",
  partitionKeyType: "string",
  projectionInterval: 1,
  csvDelimiter: ",",
  csvHeaderLines: 1,
  quicksightNamespace: "default",
  /** The role QuickSight's Athena data sources run as (`bi.quicksight.serviceRoleName`). */
  quicksightServiceRoleName: "aws-quicksight-service-role-v0",
  /** The LF-tag key Baikal manages itself: every domain database carries `domain = <name>`. */
  domainTagKey: "domain",
  /** The LF-tag that marks personal data (`governance.pii.tag`). */
  piiTag: { key: "classification", value: "pii" },
  /** The Athena cost monitor (`costMonitor` in baikal.config.ts). */
  costMonitorLogRetentionDays: 90,
  /** Catches queries whose EventBridge event never arrived; the look-back below spans six runs. */
  costMonitorSweepSchedule: "rate(15 minutes)",
  costMonitorSweepLookbackMinutes: 90,
  /** CloudTrail look-ups (up to 10 pages) plus Slack retries fit in 3 minutes. */
  costMonitorEventTimeoutSeconds: 180,
  costMonitorSweepTimeoutSeconds: 600,
  costMonitorMemoryMb: 256,
  /** Posting a transform failure: four Slack attempts of up to 10 s, up to 30 s apart, fit in 2.5 minutes. */
  costMonitorTransformAlertTimeoutSeconds: 150,
  /** How long each transform's state machine keeps its error log (`/aws/vendedlogs/states/<machine>`). */
  transformLogRetentionDays: 90,
  /**
   * The cost report's QuickSight datasets (`costMonitor.quicksightReaders`) re-import daily, once the previous
   * UTC day's query log is complete (the sweep catches up within 15 minutes).
   */
  costReportRefresh: { interval: "DAILY", timeOfDay: "01:00", timezone: "UTC" },
  /** RDS snapshot exports (`ingestions`): after the nightly automated snapshots of most instances. */
  ingestionExportSchedule: { expression: "cron(0 3 * * ? *)", timezone: "UTC" },
  /** First day of an ingested table's `dt` projection. */
  ingestionSince: "NOW-3YEARS",
  /** How long an export's function or state machine keeps its error log. */
  exportLogRetentionDays: 90,
  /** A Google Sheets export: Athena, then paging through the result and writing it; Lambda's maximum. */
  sheetsExportTimeoutSeconds: 900,
  /** The whole result is held in memory to check Google's limits before anything is written. */
  sheetsExportMemoryMb: 1024,
  /** Salesforce's Bulk API 2.0 for every run, so the files have the same format whatever the volume. */
  salesforceApi: "BULKV2",
} as const;
