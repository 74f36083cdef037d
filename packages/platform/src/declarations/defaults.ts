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
} as const;
