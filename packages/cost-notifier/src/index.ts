export { handler, createHandler, handleEvent, type HandlerResult, type EventHandler } from "./handler.ts";
export {
  sweepHandler,
  createSweepHandler,
  sweep,
  SWEEP_SETTLE_MS,
  SWEEP_STOP_BEFORE_DEADLINE_MS,
  MAX_PENDING_ALERTS_PER_RUN,
  type SweepHandler,
  type SweepResult,
} from "./sweep.ts";
export {
  transformFailureHandler,
  createTransformFailureHandler,
  handleTransformFailures,
  type TransformFailureHandler,
  type TransformFailureResult,
} from "./transform-failure-handler.ts";
export {
  TRANSFORM_FAILURE_KIND,
  parseSnsEvent,
  parseMessage,
  type Notification,
  type ReceivedFailure,
  type TransformFailure,
} from "./transform-failure.ts";
export { buildTransformFailureMessage, buildTextAlertMessage, executionConsoleLink, SLACK_CAUSE_CHARS } from "./slack/failure-message.ts";
export { parseAlarmNotification, alarmConsoleLink, type AlarmNotification } from "./alarm.ts";
export { buildAlarmMessage } from "./slack/alarm-message.ts";
export { invocationDeadline, DEFAULT_BUDGET_MS, CLAIM_WRITE_RESERVE_MS, type Deadline, type LambdaContext } from "./deadline.ts";
export { processQuery, type ProcessOutcome, type ProcessResult } from "./process-query.ts";
export {
  billedBytes,
  costUsd,
  priceQuery,
  MIB,
  TIB,
  MINIMUM_BILLED_BYTES,
  DEFAULT_PRICE_PER_TERABYTE_USD,
  type Price,
  type PricingInput,
} from "./pricing.ts";
export {
  ENVIRONMENT,
  DEFAULTS,
  IDEMPOTENCY_TABLE_SCHEMA,
  ConfigError,
  loadConfig,
  thresholdFor,
  type Config,
  type Environment,
} from "./config.ts";
export { EVENT_PATTERN, FINAL_STATES, parseAthenaEvent, type FinalState, type ParsedEvent } from "./event.ts";
export { redactStringLiterals, redactDigitRuns, redactQueryText, truncateUtf8, prepareQueryText, MAX_QUERY_TEXT_BYTES, MIN_REDACTED_DIGITS } from "./query-text.ts";
export { buildRecord, RECORD_SCHEMA_VERSION, type QueryRecord } from "./record.ts";
export { recordKey } from "./query-log.ts";
export {
  acquireClaim,
  markPosted,
  releaseClaim,
  dropClaim,
  dropExpiredClaim,
  expiredClaims,
  alertMarkerKey,
  CLAIM_TTL_SECONDS,
  LEASE_MARGIN_MS,
  type AcquireResult,
  type Claim,
} from "./claims.ts";
export { callerFromCloudTrailEvent, displayName, type Caller } from "./caller.ts";
export {
  buildAlertMessage,
  athenaConsoleLink,
  codeBlockText,
  escapeMrkdwn,
  formatBytes,
  formatDuration,
  formatUsd,
  queryPreview,
  SLACK_QUERY_PREVIEW_CHARS,
  type AlertContext,
  type SlackBlock,
  type SlackMessage,
} from "./slack/message.ts";
export { postToSlack, parseRetryAfter, SlackPostError, slackPostMessages, POST_DEFAULTS, type PostOptions, type Sleep } from "./slack/post.ts";
export { WebhookSecret, webhookMissingHint, webhookUrlProblem, WEBHOOK_CACHE_TTL_MS, type WebhookUrlOptions } from "./slack/webhook-secret.ts";
export type { Runtime, RuntimeOptions, Clients } from "./runtime.ts";
export type { Logger, LogLevel } from "./log.ts";
