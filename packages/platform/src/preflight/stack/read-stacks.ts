import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Project } from "../../loading/project.ts";
import { environment } from "../../naming/names.ts";
import { stackNames } from "../../naming/stack-names.ts";
import type { SynthesizedStack, TerraformJson } from "./synthesized-stack.ts";

/** Where each stack of the project deploys: its environment's account and region, a consumer stack its own account. */
export function stackPlacement(project: Pick<Project, "organisation" | "domains">, name: string): Omit<SynthesizedStack, "json"> {
  const spec = stackNames(project as Project).find((s) => s.name === name);
  if (!spec) throw new Error(`no stack ${name} in the project`);
  const env = environment(project.organisation, spec.environment);
  const consumer = spec.owner === "consumer" ? /^consumer-(\d{12})-/.exec(name)?.[1] : undefined;
  return { name, environment: spec.environment, owner: spec.owner, accountId: consumer ?? env.accountId, region: env.region };
}

/** The stacks `baikal synth` wrote under `<outdir>/stacks/<stack>/cdk.tf.json`. */
export function readSynthesizedStacks(project: Project, outdir: string, names: readonly string[]): SynthesizedStack[] {
  return names.map((name) => {
    const file = join(outdir, "stacks", name, "cdk.tf.json");
    if (!existsSync(file)) throw new Error(`${file} is missing; synthesize ${name} first`);
    return { ...stackPlacement(project, name), json: JSON.parse(readFileSync(file, "utf8")) as TerraformJson };
  });
}
