import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Testing } from "../iac/cdktf.ts";
import type { Project } from "../loading/project.ts";
import type { DeployTarget } from "../stacks/deploy-target.ts";
import { buildApp } from "./build-app.ts";

/**
 * The Terraform JSON of the named stacks, without writing them: what preflight rules read during `check`. The cost
 * monitor's bundle still goes to disk, under `workdir`, because a TerraformAsset needs a folder.
 */
export async function synthesizeInMemory(project: Project, stacks: readonly string[], workdir: string, target: DeployTarget = "offline"): Promise<Map<string, unknown>> {
  if (stacks.length === 0) return new Map();
  mkdirSync(workdir, { recursive: true });
  const { stacks: built } = await buildApp(project, { target, outdir: join(workdir, "out"), stacks });
  return new Map(built.map((stack) => [stack.node.id, JSON.parse(Testing.synth(stack)) as unknown]));
}
