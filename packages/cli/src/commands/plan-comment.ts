import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { findProjectRoot } from "@baikal/platform/project";
import { type StackPlan, planComment } from "../ci/plan-comment.ts";

export interface PlanCommentOptions {
  /** Stacks to report; a stack without a plan.json is reported as failed. @default - every stack with a plan.json */
  readonly stacks: readonly string[];
  /** @default "<root>/cdktf.out" */
  readonly outdir?: string;
  readonly base?: string;
  readonly runUrl?: string;
}

/** `baikal plan-comment`: prints the PR comment body (Markdown) for the saved plans. */
export async function planCommentCommand(options: PlanCommentOptions): Promise<number> {
  const outdir = options.outdir ? resolve(options.outdir) : join(findProjectRoot(), "cdktf.out");
  const dir = join(outdir, "stacks");
  const stacks =
    options.stacks.length > 0
      ? options.stacks
      : existsSync(dir)
        ? readdirSync(dir).filter((s) => existsSync(join(dir, s, "plan.json"))).sort()
        : [];
  const plans: StackPlan[] = stacks.map((stack) => {
    const file = join(dir, stack, "plan.json");
    return existsSync(file) ? { stack, plan: JSON.parse(readFileSync(file, "utf8")) as StackPlan["plan"] } : { stack };
  });
  process.stdout.write(planComment({ stacks: plans, base: options.base, runUrl: options.runUrl }));
  return 0;
}
