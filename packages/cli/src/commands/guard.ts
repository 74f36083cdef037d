import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { findProjectRoot } from "@baikal/platform/project";
import { applyAllowList, readAllowList } from "../guard/allow-list.ts";
import { ALLOW_FILE, compareStacks } from "../guard/compare-stacks.ts";
import { type Finding, formatFinding } from "../guard/finding.ts";
import { planFindings } from "../guard/plan-findings.ts";
import { synthesizeBoth } from "../guard/synthesize-ref.ts";

export interface GuardOptions {
  /** The git ref to compare the working tree with, e.g. `origin/main`. */
  readonly base: string;
  readonly json?: boolean;
  /** Where saved plans are read from (`<dir>/stacks/<stack>/plan.json`). @default "<root>/cdktf.out" */
  readonly plans?: string;
}

export interface GuardResult {
  readonly base: { readonly ref: string; readonly commit: string };
  readonly stacks: { readonly base: number; readonly head: number };
  /** Every finding; those with `allowed` are accepted by the allow file. */
  readonly findings: readonly Finding[];
  /** Problems of the allow file. */
  readonly errors: readonly string[];
  readonly ok: boolean;
}

/** Runs `fn` with a temporary folder that is removed afterwards, whatever happens. */
export async function withWorkDir<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Compares the synthesized base and head (and saved plans) for lost data-bearing resources. */
export async function guard(options: GuardOptions): Promise<GuardResult> {
  const root = findProjectRoot();
  // Stacks with equal fingerprints are identical on both sides, so they cannot lose anything: only the rest is synthesized.
  const { base, before, after, stacks } = await withWorkDir("baikal-guard-", (work) => synthesizeBoth(root, options.base, work));
  const fromConfig = compareStacks(before, after);
  const seen = new Set(fromConfig.map((f) => `${f.stack} ${f.address}`));
  const fromPlans = planFindings(options.plans ? resolve(options.plans) : join(root, "cdktf.out"), stacks.head).filter(
    (f) => !seen.has(`${f.stack} ${f.address}`),
  );
  const allowList = readAllowList(root);
  const { findings, errors } = applyAllowList([...fromConfig, ...fromPlans], allowList.entries);
  const allErrors = [...allowList.errors, ...errors];
  return {
    base: { ref: base.ref, commit: base.commit },
    stacks: { base: stacks.base, head: stacks.head.length },
    findings,
    errors: allErrors,
    ok: allErrors.length === 0 && findings.every((f) => f.allowed),
  };
}

export async function guardCommand(options: GuardOptions): Promise<number> {
  if (!options.json) console.error(`guard: synthesizing ${options.base} and the working tree ...`);
  const result = await guard(options);
  if (options.json) {
    console.log(JSON.stringify(result, null, 2));
    return result.ok ? 0 : 1;
  }
  const blocking = result.findings.filter((f) => !f.allowed);
  for (const f of blocking) console.log(formatFinding(f));
  for (const error of result.errors) console.error(error);
  const allowed = result.findings.filter((f) => f.allowed);
  for (const f of allowed) console.error(`allowed by ${ALLOW_FILE}: ${f.stack} ${f.address}: ${f.allowed}`);
  const against = `${result.base.ref} (${result.base.commit.slice(0, 7)})`;
  if (result.ok) {
    console.error(`guard: ok: no data-bearing resource is destroyed, replaced or moved against ${against}; ${result.stacks.head} stacks compared`);
  } else if (blocking.length > 0) {
    const n = blocking.length;
    console.error(`guard: ${n} data-bearing resource${n === 1 ? "" : "s"} would lose data against ${against}`);
  }
  return result.ok ? 0 : 1;
}
