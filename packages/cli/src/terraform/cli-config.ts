import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { providerMirror } from "@baikal/platform/workspace";

/**
 * The environment Terraform runs with. With a provider mirror (`BAIKAL_PROVIDER_MIRROR`, or recorded in
 * `.baikal/local.json` by `scripts/setup.sh`), a CLI configuration pointing a `filesystem_mirror` at it is written
 * under the output folder, so that a user's own `~/.terraformrc` cannot send Terraform to the network; without
 * one, Terraform uses its registry.
 */
export function terraformEnvironment(root: string, outdir: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...env, TF_IN_AUTOMATION: "1", TF_INPUT: "0", CHECKPOINT_DISABLE: "1" };
  const mirror = providerMirror(root, env);
  if (!mirror) return base;
  mkdirSync(outdir, { recursive: true });
  const file = join(outdir, "terraform.rc");
  writeFileSync(file, `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror.path)}\n  }\n}\n`);
  return { ...base, TF_CLI_CONFIG_FILE: file };
}
