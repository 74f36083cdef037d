import { join, resolve } from "node:path";
import { type DeployTarget, loadProject, type Project, stackFingerprints, stackNames } from "@baikal/platform/project";
import { prepareStackFolders } from "@baikal/platform/workspace";
import { isCurrent, recordSynth } from "../terraform/synth-record.ts";
import { reportRules } from "../preflight/report-rules.ts";

export interface SynthOptions {
  readonly stacks: readonly string[];
  readonly target: DeployTarget;
  /** @default "<root>/cdktf.out" */
  readonly outdir?: string;
  /** Write the record contracts of the synthesized stacks' domains. @default true */
  readonly contracts?: boolean;
  /** Make each stack folder plan offline with terraform and cdktf too (see prepareStackFolders); comparisons skip it. @default true */
  readonly terraformFolders?: boolean;
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
  /** Of `stacks`, those whose folder already held exactly this configuration (with `reuseUnchanged`). */
  readonly reused: readonly string[];
}

/**
 * Loads (unless given the project), validates and synthesizes; also writes each table's record contract as JSON
 * Schema. With `reuseUnchanged`, a stack whose fingerprint, target and written file are unchanged since its last
 * synth is left as it is (see synth-record.ts), and when all are, cdktf is not even loaded.
 */
export async function synth(options: SynthOptions & { readonly reuseUnchanged?: boolean }, loaded?: Project): Promise<SynthResult> {
  const project = loaded ?? (await loadProject());
  const outdir = options.outdir ? resolve(options.outdir) : join(project.root, "cdktf.out");
  const all = stackNames(project).map((s) => s.name);
  const wanted = options.stacks.length > 0 ? options.stacks : all;
  const fingerprints = options.reuseUnchanged ? stackFingerprints(project) : undefined;
  const reused = fingerprints ? wanted.filter((s) => isCurrent(join(outdir, "stacks", s), fingerprints.get(s), options.target)) : [];
  const toWrite = wanted.filter((s) => !reused.includes(s));
  let written: readonly string[] = [];
  if (toWrite.length > 0) {
    // Loaded here, not at the top: cdktf and the provider bindings cost half a second that `check` never pays.
    const { synthesizeProject, writeContracts } = await import("@baikal/platform");
    written = await synthesizeProject(project, { target: options.target, outdir, stacks: toWrite.length === all.length ? [] : toWrite });
    // Baikal's rules over what was just written: an error stops here, before any plan, and nothing is recorded as
    // synthesized, so the next plan synthesizes (and checks) again. Reused stacks passed them when they were written.
    if (options.rules !== false) {
      const { checkSynthesizedStacks } = await import("@baikal/platform/preflight");
      if (await reportRules(checkSynthesizedStacks(project, outdir, written), (line) => console.error(line))) {
        throw new Error(`the synthesized stacks break Baikal's rules (above); nothing was planned. Stacks are in ${outdir}/stacks`);
      }
    }
    if (options.contracts !== false) {
      // Contracts belong to domains: all of them for a full synth, only the written stacks' domains otherwise.
      const named = written.length < all.length ? new Set(stackNames(project).filter((s) => written.includes(s.name)).map((s) => s.owner)) : undefined;
      writeContracts(project, outdir, named);
    }
    for (const stack of written) {
      const fingerprint = fingerprints?.get(stack);
      if (fingerprint) recordSynth(join(outdir, "stacks", stack), fingerprint, options.target);
    }
  }
  const stacks = all.filter((s) => written.includes(s) || reused.includes(s));
  // Every stack folder plans offline with terraform or cdktf too, from the mirror of .baikal/local.json.
  if (options.terraformFolders !== false) prepareStackFolders(project.root, outdir, stacks);
  return { root: project.root, outdir, stacks, reused };
}

export async function synthCommand(options: SynthOptions): Promise<number> {
  const started = performance.now();
  const result = await synth(options);
  const ms = Math.round(performance.now() - started);
  console.log(`synthesized ${result.stacks.length} stacks (${options.target}) into ${result.outdir}/stacks in ${ms} ms:`);
  for (const stack of result.stacks) console.log(`  ${stack}`);
  return 0;
}
