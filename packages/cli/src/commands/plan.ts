import { availableParallelism } from "node:os";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DeployTarget, Project } from "@baikal/platform/project";
import { configurationHash, headCommit, removeSavedPlan, writePlanSource } from "../guard/plan-source.ts";
import type { StackJson } from "../guard/synthesize-ref.ts";
import { terraformEnvironment } from "../terraform/cli-config.ts";
import { type PlanSummary, summarizePlan } from "../terraform/plan-summary.ts";
import { inPool, runTerraform } from "../terraform/run-terraform.ts";
import { synth } from "./synth.ts";

export interface PlanOptions {
  readonly stacks: readonly string[];
  readonly target: DeployTarget;
  /** @default "<root>/cdktf.out" */
  readonly outdir?: string;
  /** @default - the number of CPUs, at most 4 */
  readonly parallel?: number;
}

export interface StackPlanResult {
  readonly stack: string;
  readonly summary?: PlanSummary;
  /** The failing step and Terraform's own words. */
  readonly error?: string;
  readonly ms: number;
}

/** What a plan is made from, recorded beside it so that the guard reads only plans of the current head. */
interface PlanOrigin {
  readonly target: DeployTarget;
  readonly commit: string | null;
}

async function planStack(stack: string, dir: string, env: NodeJS.ProcessEnv, origin: PlanOrigin): Promise<StackPlanResult> {
  const started = performance.now();
  removeSavedPlan(dir);
  const steps: [string, string[]][] = [
    ["init", ["init", "-input=false", "-no-color"]],
    ["validate", ["validate", "-no-color"]],
    ["plan", ["plan", "-input=false", "-no-color", "-lock=false", "-out=plan.tfplan"]],
  ];
  for (const [name, args] of steps) {
    const run = await runTerraform(args, dir, env);
    if (run.code !== 0) {
      return { stack, error: `terraform ${name} failed:\n${(run.stderr || run.stdout).trim()}`, ms: performance.now() - started };
    }
  }
  const show = await runTerraform(["show", "-json", "plan.tfplan"], dir, env);
  if (show.code !== 0) return { stack, error: `terraform show failed:\n${show.stderr.trim()}`, ms: performance.now() - started };
  writeFileSync(join(dir, "plan.json"), show.stdout);
  const configuration = configurationHash(JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8")) as StackJson);
  writePlanSource(dir, { stack, target: origin.target, commit: origin.commit, configuration });
  return { stack, summary: summarizePlan(JSON.parse(show.stdout)), ms: performance.now() - started };
}

/** Synthesizes, then plans every requested stack; results come back in stack order. */
export async function plan(options: PlanOptions, project?: Project): Promise<{ outdir: string; results: StackPlanResult[] }> {
  const synthesized = await synth(options, project);
  const env = terraformEnvironment(synthesized.outdir);
  const origin = { target: options.target, commit: headCommit(synthesized.root) };
  const parallel = options.parallel ?? Math.min(4, availableParallelism());
  const results = await inPool(synthesized.stacks, parallel, async (stack) => {
    const result = await planStack(stack, join(synthesized.outdir, "stacks", stack), env, origin);
    console.error(`${result.error ? "failed" : "planned"} ${stack} in ${(result.ms / 1000).toFixed(1)} s`);
    return result;
  });
  return { outdir: synthesized.outdir, results };
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
