/**
 * The platform's one door to `@baikal/cost-notifier`: the environment contract, the event pattern, the
 * idempotency table's key schema, what failed transforms publish, the handler names and the bundler, so a
 * renamed variable or handler in the Lambda package is a compile error here rather than a silent
 * misconfiguration in AWS. Only the SDK-free entry points are loaded, so a synth pays for esbuild's JavaScript
 * API, not for five AWS SDK clients.
 */
export {
  ENVIRONMENT,
  EVENT_PATTERN,
  IDEMPOTENCY_TABLE_SCHEMA,
  TRANSFORM_FAILURE_KIND,
  type QueryRecord,
  type TransformFailure,
} from "@baikal/cost-notifier/contract";
export { BUNDLE_FILE, bundleCostNotifier, LAMBDA_HANDLERS, LAMBDA_RUNTIME } from "@baikal/cost-notifier/bundle";
