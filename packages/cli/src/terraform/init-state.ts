import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Written into `.terraform/` after a successful `terraform init`: what that init was for. */
const STAMP_FILE = join(".terraform", "baikal-init.json");

/**
 * What `terraform init` depends on: the configuration's `terraform` block (providers, backend) and where
 * providers come from. The rest of the configuration can change freely between plans without a new init.
 */
export function initInputs(dir: string, env: NodeJS.ProcessEnv): string {
  const config = JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8")) as { terraform?: Record<string, unknown> };
  const { required_providers: providers, backend } = config.terraform ?? {};
  const cliConfig = env.TF_CLI_CONFIG_FILE && existsSync(env.TF_CLI_CONFIG_FILE) ? readFileSync(env.TF_CLI_CONFIG_FILE, "utf8") : "";
  return createHash("sha256").update(JSON.stringify({ providers, backend, cliConfig })).digest("hex");
}

/** Whether the folder was initialised by Terraform for exactly these inputs and still has what that init made. */
export function isInitialised(dir: string, inputs: string): boolean {
  const stamp = join(dir, STAMP_FILE);
  if (!existsSync(stamp) || !existsSync(join(dir, ".terraform.lock.hcl")) || !existsSync(join(dir, ".terraform", "providers"))) return false;
  return (JSON.parse(readFileSync(stamp, "utf8")) as { inputs?: string }).inputs === inputs;
}

export function recordInit(dir: string, inputs: string): void {
  writeFileSync(join(dir, STAMP_FILE), `${JSON.stringify({ inputs })}\n`);
}

/** Terraform's words when the working folder needs `terraform init` again (a stale lock file, a changed backend). */
export const NEEDS_INIT = /terraform init|Inconsistent dependency lock file|Backend initialization required|Required plugins are not installed|Missing required provider/;
