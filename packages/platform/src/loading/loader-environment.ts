import { devNull } from "node:os";

/**
 * The environment declaration files run in: the caller's, without anything that grants access to AWS or to
 * the CI job's other secrets. Declarations are data; none of them needs credentials, and `domain.ts` runs
 * with the pull request's code in the job whose plans the deploy role applies.
 *
 * Removed, and why:
 * - every `AWS_*` variable: static keys (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`,
 *   `AWS_SECURITY_TOKEN`), profiles (`AWS_PROFILE`, `AWS_DEFAULT_PROFILE`) and the files they come from
 *   (`AWS_SHARED_CREDENTIALS_FILE`, `AWS_CONFIG_FILE`, which may run a `credential_process`), web identity
 *   (`AWS_ROLE_ARN`, `AWS_WEB_IDENTITY_TOKEN_FILE`), the ECS/EKS/CodeBuild container credential endpoints
 *   (`AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`, `..._FULL_URI`, `AWS_CONTAINER_AUTHORIZATION_TOKEN[_FILE]`);
 *   dropping the whole prefix also covers variables AWS adds later;
 * - GitHub Actions' OIDC request (`ACTIONS_ID_TOKEN_REQUEST_URL`, `ACTIONS_ID_TOKEN_REQUEST_TOKEN`): with them,
 *   code can mint a token and assume the deploy role by web identity; and the job's own tokens
 *   (`ACTIONS_RUNTIME_TOKEN`, `GITHUB_TOKEN`, `GH_TOKEN`);
 * - any variable whose name says it is a secret (`*TOKEN*`, `*SECRET*`, `*PASSWORD*`, `*PASSWD*`,
 *   `*CREDENTIAL*`, `*PRIVATE_KEY*`, `*API_KEY*`), e.g. `NPM_TOKEN` or a Slack webhook secret.
 *
 * Added, so that an AWS SDK a declaration might load finds nothing by itself either:
 * `AWS_EC2_METADATA_DISABLED=true` (no instance-profile credentials from IMDS), and
 * `AWS_SHARED_CREDENTIALS_FILE`/`AWS_CONFIG_FILE` pointing at the null device (no `~/.aws` profiles).
 *
 * What this cannot do: stop code that deliberately reads `~/.aws/credentials` or calls the instance
 * metadata endpoint itself. The process is not a sandbox; it keeps credentials out of reach by accident and
 * out of every SDK's default lookup.
 */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE_KEY|API_KEY/i;
const DROPPED_PREFIXES = ["AWS_", "ACTIONS_ID_TOKEN_"];
const DROPPED = new Set(["ACTIONS_RUNTIME_TOKEN", "GITHUB_TOKEN", "GH_TOKEN"]);

/** Whether `name` is kept in the environment declaration files run in. */
export function reachesDeclarations(name: string): boolean {
  const upper = name.toUpperCase();
  return !DROPPED.has(upper) && !DROPPED_PREFIXES.some((prefix) => upper.startsWith(prefix)) && !SECRET_NAME.test(name);
}

/** `environment` without credentials and secrets, plus the settings that keep AWS SDKs from finding any. */
export function declarationEnvironment(environment: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const kept = Object.fromEntries(Object.entries(environment).filter(([name]) => reachesDeclarations(name)));
  return { ...kept, AWS_EC2_METADATA_DISABLED: "true", AWS_SHARED_CREDENTIALS_FILE: devNull, AWS_CONFIG_FILE: devNull };
}
