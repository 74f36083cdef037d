/**
 * What infrastructure code needs to know about this Lambda, without loading the AWS SDK clients (about half a
 * second): the environment contract, the event pattern, the idempotency table's key schema and the record shape.
 */
export { ENVIRONMENT, IDEMPOTENCY_TABLE_SCHEMA } from "./config.ts";
export { EVENT_PATTERN } from "./event.ts";
export type { QueryRecord } from "./record.ts";
