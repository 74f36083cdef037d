/**
 * Environment contract between the Terraform construct (which sets the variables) and the Lambda (which
 * reads them). The construct imports `ENVIRONMENT` so a renamed variable is a compile error, not a silent
 * misconfiguration.
 */
export const ENVIRONMENT = {
  /** S3 bucket that receives one JSON record per query. Required. */
  queryLogBucket: "QUERY_LOG_BUCKET",
  /** Key prefix inside the bucket, without leading/trailing slash. Optional, default `athena-query-log`. */
  queryLogPrefix: "QUERY_LOG_PREFIX",
  /** KMS key id/ARN for SSE-KMS on the records. Optional; without it the bucket's default encryption applies. */
  queryLogKmsKeyId: "QUERY_LOG_KMS_KEY_ID",
  /** DynamoDB table (`IDEMPOTENCY_TABLE_SCHEMA`) holding one alert claim per expensive query. Required. */
  idempotencyTable: "IDEMPOTENCY_TABLE",
  /** Secrets Manager secret id/ARN whose SecretString is the Slack incoming-webhook URL. Required. */
  slackWebhookSecretId: "SLACK_WEBHOOK_SECRET_ID",
  /** Alert when a query costs strictly more than this many USD. Optional, default 1. */
  alertThresholdUsd: "ALERT_THRESHOLD_USD",
  /** JSON object `{"<workgroup>": <usd>}` overriding the threshold per workgroup. Optional. */
  workgroupThresholdsUsd: "WORKGROUP_THRESHOLDS_USD",
  /** USD per TiB scanned. Optional, default 5 (Athena's list price in most regions). */
  pricePerTerabyteUsd: "PRICE_PER_TERABYTE_USD",
  /** How far back the sweep looks for queries EventBridge never delivered, in minutes. Optional, default 90. */
  sweepLookbackMinutes: "SWEEP_LOOKBACK_MINUTES",
  /** Set by the Lambda runtime; used for the SDK clients and the console link. Required. */
  region: "AWS_REGION",
} as const;

/**
 * What the construct must give the alert-claims table: the hash key, the TTL attribute, and a sparse index of
 * pending claims keyed by status and lease expiry, which the sweep queries for alerts still to post (a posted
 * claim loses its lease attribute and so leaves the index).
 */
export const IDEMPOTENCY_TABLE_SCHEMA = {
  partitionKey: "pk",
  ttlAttribute: "expiresAt",
  statusAttribute: "status",
  leaseAttribute: "leaseExpiresAt",
  pendingIndex: "pending-alerts",
  /** Attributes the index carries besides its and the table's keys. */
  pendingIndexAttributes: ["queryExecutionId"],
} as const;

export const DEFAULTS = {
  queryLogPrefix: "athena-query-log",
  alertThresholdUsd: 1,
  pricePerTerabyteUsd: 5,
  sweepLookbackMinutes: 90,
} as const;

export interface Config {
  readonly queryLogBucket: string;
  readonly queryLogPrefix: string;
  readonly queryLogKmsKeyId: string | undefined;
  readonly idempotencyTable: string;
  readonly slackWebhookSecretId: string;
  readonly alertThresholdUsd: number;
  readonly workgroupThresholdsUsd: Readonly<Record<string, number>>;
  readonly pricePerTerabyteUsd: number;
  readonly sweepLookbackMinutes: number;
  readonly region: string;
}

export type Environment = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Reads and validates every variable at once, so one deploy fixes all mistakes instead of one per cold start. */
export function loadConfig(env: Environment): Config {
  const problems: string[] = [];
  const required = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} is required but not set`);
    return value ?? "";
  };
  const optional = (name: string): string | undefined => env[name]?.trim() || undefined;
  const amount = (name: string, fallback: number, { positive = false } = {}): number => {
    const raw = optional(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0 || (positive && value === 0)) {
      problems.push(`${name} must be a ${positive ? "positive" : "non-negative"} number, got ${JSON.stringify(raw)}`);
      return fallback;
    }
    return value;
  };

  const config: Config = {
    queryLogBucket: required(ENVIRONMENT.queryLogBucket),
    queryLogPrefix: (optional(ENVIRONMENT.queryLogPrefix) ?? DEFAULTS.queryLogPrefix).replace(/^\/+|\/+$/g, ""),
    queryLogKmsKeyId: optional(ENVIRONMENT.queryLogKmsKeyId),
    idempotencyTable: required(ENVIRONMENT.idempotencyTable),
    slackWebhookSecretId: required(ENVIRONMENT.slackWebhookSecretId),
    alertThresholdUsd: amount(ENVIRONMENT.alertThresholdUsd, DEFAULTS.alertThresholdUsd),
    workgroupThresholdsUsd: parseWorkgroupThresholds(optional(ENVIRONMENT.workgroupThresholdsUsd), problems),
    pricePerTerabyteUsd: amount(ENVIRONMENT.pricePerTerabyteUsd, DEFAULTS.pricePerTerabyteUsd),
    sweepLookbackMinutes: amount(ENVIRONMENT.sweepLookbackMinutes, DEFAULTS.sweepLookbackMinutes, { positive: true }),
    region: required(ENVIRONMENT.region),
  };
  if (problems.length > 0) throw new ConfigError(`invalid cost-notifier configuration: ${problems.join("; ")}`);
  return config;
}

function parseWorkgroupThresholds(raw: string | undefined, problems: string[]): Record<string, number> {
  if (raw === undefined) return {};
  const name = ENVIRONMENT.workgroupThresholdsUsd;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push(`${name} must be a JSON object like {"analytics": 5}, got invalid JSON`);
    return {};
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    problems.push(`${name} must be a JSON object like {"analytics": 5}`);
    return {};
  }
  // No prototype: workgroup names such as "toString" must not resolve to inherited members.
  const thresholds: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [workgroup, value] of Object.entries(parsed)) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      problems.push(`${name}: threshold for workgroup "${workgroup}" must be a non-negative number`);
    } else {
      thresholds[workgroup] = value;
    }
  }
  return thresholds;
}

/** The per-workgroup override wins; otherwise the account-wide default. */
export function thresholdFor(config: Pick<Config, "alertThresholdUsd" | "workgroupThresholdsUsd">, workgroup: string): number {
  const overrides = config.workgroupThresholdsUsd;
  return Object.hasOwn(overrides, workgroup) ? (overrides[workgroup] ?? config.alertThresholdUsd) : config.alertThresholdUsd;
}
