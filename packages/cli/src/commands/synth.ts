import { join, resolve } from "node:path";
import { type DeployTarget, type Project, stackNames } from "@baikal/platform/project";
import { reportRules } from "../preflight/report-rules.ts";

export interface SynthOptions {
  readonly stacks: readonly string[];
  readonly target: DeployTarget;
  /** @default "<root>/cdktf.out" */
  readonly outdir?: string;
  /** Write the record contracts of the synthesized stacks' domains. @default true */
  readonly contracts?: boolean;
  /**
   * Run Baikal's rules over the stacks and fail on an error. Comparisons (`affected`, `guard`) synthesize to compare,
   * not to deploy, and turn it off. @default true
   */
  readonly rules?: boolean;
}

export interface SynthResult {
  readonly root: string;
  readonly outdir: string;
  readonly stacks: readonly string[];
}

/** Loads (unless given the project), validates and synthesizes; also writes each table's record contract as JSON Schema. */
export async function synth(options: SynthOptions, loaded?: Project): Promise<SynthResult> {
  // Loaded here, not at the top: cdktf and the provider bindings cost half a second that `check` never pays.
  const { synthesizeProject, loadProject, writeContracts } = await import("@baikal/platform");
  const project = loaded ?? (await loadProject());
  const outdir = options.outdir ? resolve(options.outdir) : join(project.root, "cdktf.out");
  const stacks = await synthesizeProject(project, { target: options.target, outdir, stacks: options.stacks });
  // Baikal's rules over what was just written: an error stops here, before any plan.
  if (options.rules !== false) {
    const { checkSynthesizedStacks } = await import("@baikal/platform/preflight");
    if (await reportRules(checkSynthesizedStacks(project, outdir, stacks), (line) => console.error(line))) {
      throw new Error(`the synthesized stacks break Baikal's rules (above); nothing was planned. Stacks are in ${outdir}/stacks`);
    }
  }
  if (options.contracts !== false) {
    // Contracts belong to domains: all of them for a full synth, only the named stacks' domains otherwise.
    const named = options.stacks.length > 0 ? new Set(stackNames(project).filter((s) => stacks.includes(s.name)).map((s) => s.owner)) : undefined;
    writeContracts(project, outdir, named);
  }
  return { root: project.root, outdir, stacks };
}

export async function synthCommand(options: SynthOptions): Promise<number> {
  const started = performance.now();
  const result = await synth(options);
  const ms = Math.round(performance.now() - started);
  console.log(`synthesized ${result.stacks.length} stacks (${options.target}) into ${result.outdir}/stacks in ${ms} ms:`);
  for (const stack of result.stacks) console.log(`  ${stack}`);
  return 0;
}
