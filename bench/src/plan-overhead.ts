/**
 * `pnpm bench:plan [stack] [--runs 5]`: what `pnpm plan <stack>` costs over a bare `terraform plan` of the same
 * configuration, measured in the same run and interleaved, so that the load of the machine hits both alike. Also
 * times each step the plan used to take (init, validate, plan, show -json) once, for comparison.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { measure } from "./measure.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function main(args: readonly string[]): Promise<number> {
  const runsIndex = args.indexOf("--runs");
  const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 5;
  const stack = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--runs") ?? "domain-news-staging";
  const outdir = mkdtempSync(join(tmpdir(), "baikal-bench-plan-"));
  const dir = join(outdir, "stacks", stack);
  const plan = ["plan", stack, "--summary", "--outdir", outdir];
  // The first plan initialises the stack folder, as the quick start does once; the runs below are warm.
  measure("pnpm", plan, ROOT);
  const terraformEnv = { TF_CLI_CONFIG_FILE: join(outdir, "terraform.rc"), CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
  const baikal: number[] = [];
  const edited: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    baikal.push(measure("pnpm", plan, ROOT).ms);
    // As after an edit to the stack's declarations: without its synth record, the stack is synthesized again.
    rmSync(join(dir, ".baikal-synth.json"), { force: true });
    edited.push(measure("pnpm", plan, ROOT).ms);
    bare.push(measure("terraform", ["plan", "-input=false", "-lock=false", "-no-color"], dir, terraformEnv).ms);
    console.error(`run ${i + 1}/${runs}: pnpm plan ${seconds(baikal.at(-1)!)}, with synth ${seconds(edited.at(-1)!)}, terraform plan ${seconds(bare.at(-1)!)}`);
  }
  // The steps of the former plan (init, validate, plan, show -json), each a provider load but init.
  const steps: [string, string[]][] = [
    ["init", ["init", "-input=false", "-no-color", "-reconfigure"]],
    ["validate", ["validate", "-no-color"]],
    ["plan -out", ["plan", "-input=false", "-lock=false", "-no-color", "-out=bench.tfplan"]],
    ["show -json", ["show", "-json", "bench.tfplan"]],
  ];
  const stepTimes = steps.map(([name, stepArgs]) => [name, measure("terraform", stepArgs, dir, terraformEnv).ms] as const);
  console.log(`| ${stack}, ${runs} runs, interleaved | median (vs terraform) | best (vs terraform) |`);
  console.log("| --- | --- | --- |");
  const row = (label: string, values: readonly number[]) =>
    `| ${label} | ${seconds(median(values))} (${(median(values) / median(bare)).toFixed(2)}x) | ${seconds(Math.min(...values))} (${(Math.min(...values) / Math.min(...bare)).toFixed(2)}x) |`;
  console.log(row(`\`pnpm plan ${stack} --summary\`, stack unchanged (no synth, no init)`, baikal));
  console.log(row(`\`pnpm plan ${stack} --summary\` after an edit (synth, no init)`, edited));
  console.log(row("bare `terraform plan` of the same folder", bare));
  console.log(`\nsteps of the former plan, once each: ${stepTimes.map(([name, ms]) => `${name} ${seconds(ms)}`).join(", ")}`);
  return 0;
}
