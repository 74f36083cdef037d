import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { findProjectRoot } from "@baikal/platform/project";
import { applyAllowList, readAllowList } from "../guard/allow-list.ts";
import { compareStacks } from "../guard/compare-stacks.ts";
import { ALLOW_FILE, type Finding, findingKey, formatFinding } from "../guard/finding.ts";
import { planFindings } from "../guard/plan-findings.ts";
import { headCommit } from "../guard/plan-source.ts";
import { type SavedPlans, savedPlans } from "../guard/saved-plans.ts";
import { synthesizeBoth } from "../guard/synthesize-ref.ts";

export interface GuardOptions {
  /** The git ref to compare the working tree with, e.g. `origin/main`. */
  readonly base: string;
  readonly json?: boolean;
  /** Where saved plans are read from (`<dir>/stacks/<stack>/plan.json`). @default "<root>/cdktf.out" */
  readonly plans?: string;
  /** The project's root. @default - found from the working directory */
  readonly root?: string;
}

export interface GuardResult {
  readonly base: { readonly ref: string; readonly commit: string };
  readonly stacks: { readonly base: number; readonly head: number };
  /** Every finding; those with `allowed` are accepted by the allow file. */
  readonly findings: readonly Finding[];
  /** Saved plans read, and those left out because they were not made for the head. */
  readonly plans: SavedPlans;
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

/** Compares the synthesized base and head (and the saved plans made for the head) for lost data. */
export async function guard(options: GuardOptions): Promise<GuardResult> {
  const root = options.root ? resolve(options.root) : findProjectRoot();
  // Stacks with equal fingerprints are identical on both sides, so they cannot lose anything: only the rest is synthesized.
  const { base, before, after, stacks, plans } = await withWorkDir("baikal-guard-", async (work) => {
    const both = await synthesizeBoth(root, options.base, work);
    const dir = options.plans ? resolve(options.plans) : join(root, "cdktf.out");
    const saved = await savedPlans({ root, dir, stacks: both.stacks.head, commit: headCommit(root), project: both.project, synthesized: both.after, work });
    return { ...both, plans: saved };
  });
  const fromConfig = compareStacks(before, after);
  // A plan sees what references hide from the configurations; what both see is reported once, from the configurations.
  const seen = new Set(fromConfig.flatMap((f) => [findingKey(f), ...(f.covers ?? []).map((a) => `${f.stack} ${a}`)]));
  const fromPlans = plans.read
    .flatMap((p) => planFindings(p.stack, resolve(root, p.file)))
    .filter((f) => !seen.has(findingKey(f)) && !seen.has(`${f.stack} ${f.address}`));
  const allowList = readAllowList(root);
  const { findings, errors } = applyAllowList([...fromConfig, ...fromPlans], allowList.entries);
  const allErrors = [...allowList.errors, ...errors];
  return {
    base: { ref: base.ref, commit: base.commit },
    stacks: { base: stacks.base, head: stacks.head.length },
    findings,
    plans,
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
  for (const p of result.plans.ignored) console.error(`guard: ignoring ${p.file}: ${p.reason}; run \`baikal plan ${p.stack}\` to guard a plan of the head`);
  if (result.plans.read.length > 0) console.error(`guard: read the saved plans of ${result.plans.read.map((p) => p.stack).join(", ")}`);
  const blocking = result.findings.filter((f) => !f.allowed);
  for (const f of blocking) console.log(formatFinding(f));
  for (const error of result.errors) console.error(error);
  const allowed = result.findings.filter((f) => f.allowed);
  for (const f of allowed) console.error(`allowed by ${ALLOW_FILE}: ${f.stack} ${f.address}${f.change ? ` (${f.change})` : ""}: ${f.allowed}`);
  const against = `${result.base.ref} (${result.base.commit.slice(0, 7)})`;
  if (result.ok) {
    console.error(
      `guard: ok: nothing loses data against ${against}: no data-bearing resource is destroyed, replaced or moved, and no change in place orphans data or weakens its protection; ${result.stacks.head} stacks compared`,
    );
  } else if (blocking.length > 0) {
    const n = blocking.length;
    console.error(`guard: ${n} change${n === 1 ? "" : "s"} would lose data or weaken its protection against ${against}; fix each, or allow it in ${ALLOW_FILE} with a reason`);
  }
  return result.ok ? 0 : 1;
}
