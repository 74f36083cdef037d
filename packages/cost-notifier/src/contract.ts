/**
 * What infrastructure code needs to know about this Lambda, without loading the AWS SDK clients (about half a
 * second): the environment contract, the event pattern, the idempotency table's key schema, the record shape and what a failed transform publishes.
 */
export { ENVIRONMENT, IDEMPOTENCY_TABLE_SCHEMA } from "./config.ts";
export { EVENT_PATTERN } from "./event.ts";
export type { QueryRecord } from "./record.ts";
export { TRANSFORM_FAILURE_KIND, type TransformFailure } from "./transform-failure.ts";
