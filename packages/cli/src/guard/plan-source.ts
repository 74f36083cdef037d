import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DeployTarget } from "@baikal/platform/project";
import { withoutMetadata } from "./affected-stacks.ts";
import { git } from "./git.ts";
import type { StackJson } from "./synthesize-ref.ts";

/** Written beside `plan.json` by `baikal plan`: what the plan was made from, so the guard trusts only current plans. */
export const PLAN_SOURCE_FILE = "plan-source.json";

export interface PlanSource {
  readonly stack: string;
  /** The target the configuration was synthesized for (offline or aws: providers and backends differ). */
  readonly target: DeployTarget;
  /** `git rev-parse HEAD` of the project when the plan was made; null outside a git repository. */
  readonly commit: string | null;
  /** A hash of the stack's synthesized configuration (cdktf's "//" metadata left out). */
  readonly configuration: string;
}

/** JSON with sorted keys, so equal configurations hash equally whatever order they were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

export const configurationHash = (json: StackJson): string => `sha256:${createHash("sha256").update(canonical(withoutMetadata(json))).digest("hex")}`;

/** The commit checked out at `root`; null outside a git repository or before the first commit. */
export function headCommit(root: string): string | null {
  try {
    const run = git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], root);
    return run.code === 0 && run.stdout.trim() ? run.stdout.trim() : null;
  } catch {
    return null; // no git on PATH: nothing to record
  }
}

export function writePlanSource(stackDir: string, source: PlanSource): void {
  writeFileSync(join(stackDir, PLAN_SOURCE_FILE), `${JSON.stringify(source, null, 2)}\n`);
}

/** Before planning again: a failed plan must not leave the previous plan and its source behind. */
export function removeSavedPlan(stackDir: string): void {
  for (const file of ["plan.json", PLAN_SOURCE_FILE]) rmSync(join(stackDir, file), { force: true });
}

/** The recorded source of a saved plan; undefined when there is none or it cannot be read. */
export function readPlanSource(stackDir: string): PlanSource | undefined {
  const file = join(stackDir, PLAN_SOURCE_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const source = JSON.parse(readFileSync(file, "utf8")) as Partial<PlanSource>;
    const valid =
      typeof source.stack === "string" &&
      (source.target === "offline" || source.target === "aws") &&
      (typeof source.commit === "string" || source.commit === null) &&
      typeof source.configuration === "string";
    return valid ? (source as PlanSource) : undefined;
  } catch {
    return undefined;
  }
}
