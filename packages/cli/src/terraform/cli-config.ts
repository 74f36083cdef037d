import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Folder holding a `registry.terraform.io/...` tree of providers; Terraform then installs with no network. */
export const MIRROR_VARIABLE = "BAIKAL_PROVIDER_MIRROR";

/**
 * The environment Terraform runs with. With `BAIKAL_PROVIDER_MIRROR` set, a CLI configuration pointing a
 * `filesystem_mirror` at it is written under `cdktf.out/`; otherwise Terraform uses its normal registry.
 */
export function terraformEnvironment(outdir: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...env, TF_IN_AUTOMATION: "1", TF_INPUT: "0", CHECKPOINT_DISABLE: "1" };
  const mirror = env[MIRROR_VARIABLE];
  if (!mirror) return base;
  if (!existsSync(join(mirror, "registry.terraform.io"))) {
    throw new Error(
      `${MIRROR_VARIABLE}=${mirror} has no registry.terraform.io folder; point it at the folder that contains registry.terraform.io/hashicorp/aws`,
    );
  }
  mkdirSync(outdir, { recursive: true });
  const file = join(outdir, "terraform.rc");
  writeFileSync(file, `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n  }\n}\n`);
  return { ...base, TF_CLI_CONFIG_FILE: file };
}
