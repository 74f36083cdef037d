import { availableParallelism } from "node:os";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DeployTarget, Project } from "@baikal/platform/project";
import { configurationHash, headCommit, removeSavedPlan, writePlanSource } from "../guard/plan-source.ts";
import type { StackJson } from "../guard/synthesize-ref.ts";
import { registryUnreachableHint } from "@baikal/platform/workspace";
import { DATA_BEARING } from "../guard/data-bearing.ts";
import { hasInPlaceRule } from "../guard/in-place/in-place-findings.ts";
import { terraformEnvironment } from "../terraform/cli-config.ts";
import { NEEDS_INIT, initInputs, isInitialised, recordInit } from "../terraform/init-state.ts";
import { type PlanProgress, planProgress } from "../terraform/plan-progress.ts";
import { type PlanStream, changesJson, formatDiagnostic, parsePlanStream } from "../terraform/plan-stream.ts";
import { formatStackChanges, type PlanSummary, summarizePlan } from "../terraform/plan-summary.ts";
import { inPool, runTerraform } from "../terraform/run-terraform.ts";
import { synth } from "./synth.ts";

export interface PlanOptions {
  readonly stacks: readonly string[];
  readonly target: DeployTarget;
  /** @default "<root>/cdktf.out" */
  readonly outdir?: string;
  /** @default - the number of CPUs, at most 4 */
  readonly parallel?: number;
  /** Print the counts per stack only, not each resource address. @default false */
  readonly summary?: boolean;
  /** Write `plan.json` as Terraform's complete `terraform show -json` for every stack (one more provider load each). @default false */
  readonly fullJson?: boolean;
}

export interface StackPlanResult {
  readonly stack: string;
  readonly summary?: PlanSummary;
  /** The failing step and Terraform's own words. */
  readonly error?: string;
  readonly ms: number;
  /** Whether plan.json is Terraform's complete `show -json` (values included) rather than the changes alone. */
  readonly fullJson?: boolean;
}

/** What a plan is made from, recorded beside it so that the guard reads only plans of the current head. */
interface PlanOrigin {
  readonly target: DeployTarget;
  readonly commit: string | null;
}

/** Terraform could not reach its registry: the message gets a hint saying what to set. */
const REGISTRY_UNREACHABLE = /registry\.terraform\.io|Failed to query available provider packages|Failed to install provider|could not connect to/;

const failure = (step: string, output: string) =>
  `terraform ${step} failed:\n${output.trim()}${REGISTRY_UNREACHABLE.test(output) ? `\n\n${registryUnreachableHint()}` : ""}`;

/**
 * Deletes and replaces of data-bearing resources, and in-place updates the guard has a rule for: the guard needs
 * their values, which only `show -json` has.
 */
const needsValues = (stream: PlanStream) =>
  stream.changes.some(
    (c) => ((c.action === "delete" || c.action === "replace") && DATA_BEARING[c.type] !== undefined) || (c.action === "update" && hasInPlaceRule(c.type)),
  );

async function init(stack: string, dir: string, env: NodeJS.ProcessEnv, progress: PlanProgress): Promise<string | undefined> {
  progress.step(stack, "terraform init");
  const run = await runTerraform(["init", "-input=false", "-no-color", "-reconfigure"], dir, env);
  if (run.code !== 0) return failure("init", run.stderr || run.stdout);
  recordInit(dir, initInputs(dir, env));
  return undefined;
}

/**
 * One stack: `terraform init` only when what it depends on changed (providers, backend, mirror), then one
 * `terraform plan -json -out=plan.tfplan`, which validates the configuration and plans it in one load of the
 * provider. `plan.json` gets the planned changes from its output; `terraform show -json` (another provider load)
 * runs only with `fullJson`, or when the guard needs values (see needsValues). `plan-source.json` records the commit
 * and configuration the plan was made from, so that the guard reads only plans of the current head.
 */
async function planStack(
  stack: string,
  dir: string,
  env: NodeJS.ProcessEnv,
  options: PlanOptions,
  origin: PlanOrigin,
  progress: PlanProgress,
): Promise<StackPlanResult> {
  const started = performance.now();
  removeSavedPlan(dir);
  const elapsed = () => performance.now() - started;
  if (!isInitialised(dir, initInputs(dir, env))) {
    const error = await init(stack, dir, env, progress);
    if (error) return { stack, error, ms: elapsed() };
  }
  const planArgs = ["plan", "-json", "-input=false", "-lock=false", "-out=plan.tfplan"];
  progress.step(stack, "terraform plan");
  let run = await runTerraform(planArgs, dir, env);
  let stream = parsePlanStream(run.stdout);
  const errorText = () => [...stream.diagnostics.filter((d) => d.severity === "error").map(formatDiagnostic), run.stderr.trim()].filter(Boolean).join("\n\n");
  if (run.code !== 0 && NEEDS_INIT.test(errorText())) {
    // The working folder changed under us (a lock file or backend edited by hand, cdktf, another version): init again, once.
    const error = await init(stack, dir, env, progress);
    if (error) return { stack, error, ms: elapsed() };
    progress.step(stack, "terraform plan");
    run = await runTerraform(planArgs, dir, env);
    stream = parsePlanStream(run.stdout);
  }
  if (run.code !== 0) return { stack, error: failure("plan", errorText() || `exit code ${run.code}`), ms: elapsed() };
  const full = options.fullJson === true || needsValues(stream);
  if (full) {
    progress.step(stack, "terraform show -json");
    const show = await runTerraform(["show", "-json", "plan.tfplan"], dir, env);
    if (show.code !== 0) return { stack, error: failure("show", show.stderr), ms: elapsed() };
    writeFileSync(join(dir, "plan.json"), show.stdout);
  } else {
    writeFileSync(join(dir, "plan.json"), `${JSON.stringify(changesJson(stream), null, 2)}\n`);
  }
  const configuration = configurationHash(JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8")) as StackJson);
  writePlanSource(dir, { stack, target: origin.target, commit: origin.commit, configuration });
  return { stack, summary: summarizePlan(changesJson(stream)), ms: elapsed(), fullJson: full };
}

const countsLine = (s: PlanSummary) => `${s.add} to create, ${s.change} to update, ${s.replace} to replace, ${s.destroy} to destroy`;

/** Synthesizes, then plans every requested stack; results come back in stack order. */
export async function plan(options: PlanOptions, project?: Project): Promise<{ outdir: string; results: StackPlanResult[] }> {
  // Stacks whose configuration is unchanged since the last synth are planned as they are: no cdktf at all.
  const synthesized = await synth({ ...options, reuseUnchanged: true }, project);
  const env = terraformEnvironment(synthesized.root, synthesized.outdir);
  const origin = { target: options.target, commit: headCommit(synthesized.root) };
  const parallel = options.parallel ?? Math.min(4, availableParallelism());
  const progress = planProgress(synthesized.stacks.length);
  const n = synthesized.stacks.length;
  const reused = synthesized.reused.length > 0 ? ` (${synthesized.reused.length} unchanged since the last synth, reused)` : "";
  console.error(`synthesized ${n} stack${n === 1 ? "" : "s"}${reused}; planning ${Math.min(parallel, n)} at a time`);
  try {
    const results = await inPool(synthesized.stacks, parallel, async (stack) => {
      const result = await planStack(stack, join(synthesized.outdir, "stacks", stack), env, options, origin, progress);
      const seconds = (result.ms / 1000).toFixed(1);
      progress.done(stack, result.summary ? `planned ${stack} in ${seconds} s: ${countsLine(result.summary)}` : `failed ${stack} after ${seconds} s`);
      return result;
    });
    return { outdir: synthesized.outdir, results };
  } finally {
    progress.close();
  }
}

export function formatPlanTable(results: readonly StackPlanResult[]): string {
  const width = Math.max(5, ...results.map((r) => r.stack.length));
  const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(width) : c.padStart(8))).join("  ");
  const lines = [row(["stack", "add", "change", "destroy", "replace"])];
  for (const r of results) {
    lines.push(
      r.summary
        ? row([r.stack, ...[r.summary.add, r.summary.change, r.summary.destroy, r.summary.replace].map(String)])
        : row([r.stack, "error", "", "", ""]),
    );
  }
  return lines.join("\n");
}

/** `baikal plan`; `project` when the caller has already loaded and checked it. */
export async function planCommand(options: PlanOptions, project?: Project): Promise<number> {
  const started = performance.now();
  const { outdir, results } = await plan(options, project);
  if (!options.summary) {
    for (const r of results) if (r.summary) console.log(`${formatStackChanges(r.stack, r.summary)}\n`);
  }
  console.log(formatPlanTable(results));
  for (const r of results) {
    for (const address of r.summary?.destructive ?? []) console.log(`! ${r.stack}: ${address}`);
    if (r.error) console.error(`\n${r.stack}: ${r.error}`);
  }
  const failed = results.filter((r) => r.error).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\n${results.length - failed} of ${results.length} stacks planned in ${seconds} s; plans in ${outdir}/stacks/<stack>/plan.json`);
  return failed > 0 ? 1 : 0;
}
