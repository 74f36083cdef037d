/**
 * offline: local state and a provider that never calls AWS (fake keys, no credential, account or metadata
 *   lookups), so `plan` runs on any laptop or CI runner without an account.
 * aws: state in the environment's S3 bucket, one key per stack, locked with an S3 lock file; the provider
 *   refuses to touch any account but the environment's own.
 */
export type DeployTarget = "offline" | "aws";

/** The target from `BAIKAL_TARGET`; offline unless asked otherwise, so nothing reaches AWS by accident. */
export function targetFromEnvironment(env: NodeJS.ProcessEnv = process.env): DeployTarget {
  const value = env.BAIKAL_TARGET ?? "offline";
  if (value !== "offline" && value !== "aws") {
    throw new Error(`BAIKAL_TARGET is "${value}"; use "offline" (the default: local state, no AWS calls) or "aws"`);
  }
  return value;
}
