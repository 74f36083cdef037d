import { join } from "node:path";
import { buildApp, type DeployTarget, loadProject, writeContracts } from "@baikal/platform";

export interface SynthOptions {
  readonly stacks: readonly string[];
  readonly target: DeployTarget;
}

export interface SynthResult {
  readonly root: string;
  readonly outdir: string;
  readonly stacks: readonly string[];
}

/** Loads, validates and synthesizes; also writes each table's record contract as JSON Schema. */
export async function synth(options: SynthOptions): Promise<SynthResult> {
  const project = await loadProject();
  const outdir = join(project.root, "cdktf.out");
  const { app, stacks } = buildApp(project, { target: options.target, outdir, stacks: options.stacks });
  app.synth();
  writeContracts(project, outdir);
  return { root: project.root, outdir, stacks: stacks.map((s) => s.node.id) };
}

export async function synthCommand(options: SynthOptions): Promise<number> {
  const started = performance.now();
  const result = await synth(options);
  const ms = Math.round(performance.now() - started);
  console.log(`synthesized ${result.stacks.length} stacks (${options.target}) into cdktf.out/stacks in ${ms} ms:`);
  for (const stack of result.stacks) console.log(`  ${stack}`);
  return 0;
}
