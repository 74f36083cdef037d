/**
 * The bundle's single entry: every Lambda function ships the same `index.mjs` and differs only in the handler
 * string (`index.handler` for the EventBridge rule, `index.sweepHandler` for the schedule,
 * `index.transformFailureHandler` for the transform-failures and platform-alerts topics).
 * Importing this module reads no env and creates no client; that happens on the first invocation.
 */
export { handler } from "./handler.ts";
export { sweepHandler } from "./sweep.ts";
export { transformFailureHandler } from "./transform-failure-handler.ts";
