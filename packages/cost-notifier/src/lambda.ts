/**
 * The bundle's single entry: both Lambda functions ship the same `index.mjs` and differ only in the handler
 * string (`index.handler` for the EventBridge rule, `index.sweepHandler` for the schedule).
 * Importing this module reads no env and creates no client; that happens on the first invocation.
 */
export { handler } from "./handler.ts";
export { sweepHandler } from "./sweep.ts";
