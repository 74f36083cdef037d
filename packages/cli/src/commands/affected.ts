import { findProjectRoot, type Project } from "@baikal/platform/project";
import { type AffectedStacks, affectedStacks, toPlan } from "../guard/affected-stacks.ts";
import { synthesizeBoth } from "../guard/synthesize-ref.ts";
import { withWorkDir } from "./guard.ts";
import { type PlanOptions, planCommand } from "./plan.ts";

export interface AffectedOptions {
  /** The git ref to compare the working tree with, e.g. `origin/main`. */
  readonly base: string;
  readonly json?: boolean;
}

export interface AffectedResult extends AffectedStacks {
  readonly base: { readonly ref: string; readonly commit: string };
  /** Changed and added stacks: what `plan --affected` plans. */
  readonly affected: readonly string[];
}

/** Compares each stack's configuration between base and head, synthesizing only stacks whose inputs differ. */
export async function affected(base: string): Promise<AffectedResult> {
  return (await compareWithBase(base)).result;
}

/** `affected`, and the head project it loaded, for a plan that follows. */
async function compareWithBase(base: string): Promise<{ result: AffectedResult; project: Project }> {
  const root = findProjectRoot();
  const both = await withWorkDir("baikal-affected-", (work) => synthesizeBoth(root, base, work));
  const compared = affectedStacks(both.before, both.after);
  const same = new Set([...both.unchanged, ...compared.unchanged]);
  const stacks = { ...compared, unchanged: both.stacks.head.filter((stack) => same.has(stack)) };
  return { result: { base: { ref: both.base.ref, commit: both.base.commit }, ...stacks, affected: toPlan(stacks) }, project: both.project };
}

/** `baikal affected`: the affected stacks, one per line on stdout (for scripts), a summary on stderr. */
export async function affectedCommand(options: AffectedOptions): Promise<number> {
  if (!options.json) console.error(`affected: synthesizing ${options.base} and the working tree ...`);
  const result = await affected(options.base);
  if (options.json) {
    console.log(JSON.stringify(result, null, 2));
    return 0;
  }
  for (const stack of result.affected) console.log(stack);
  const parts = [`${result.changed.length} changed`, `${result.added.length} added`, `${result.removed.length} removed`, `${result.unchanged.length} unchanged`];
  console.error(`affected: ${parts.join(", ")} against ${result.base.ref} (${result.base.commit.slice(0, 7)})`);
  for (const stack of result.removed) console.error(`  removed: ${stack} (no longer synthesized: nothing plans it; its resources stay until the stack is destroyed on purpose)`);
  return 0;
}

/** `baikal plan --affected --base <ref>`: plans only the stacks whose configuration changed (of `stacks`, when named). */
export async function planAffectedCommand(options: PlanOptions & { readonly base?: string }): Promise<number> {
  if (!options.base) throw new Error("plan --affected needs --base <ref>, the git ref to compare with (e.g. origin/main)");
  console.error(`affected: synthesizing ${options.base} and the working tree ...`);
  const { result, project } = await compareWithBase(options.base);
  const stacks = result.affected.filter((s) => options.stacks.length === 0 || options.stacks.includes(s));
  console.error(`affected: ${stacks.length ? stacks.join(", ") : "none"} (against ${result.base.ref} ${result.base.commit.slice(0, 7)})`);
  if (stacks.length === 0) {
    console.log(`no stack changes against ${result.base.ref}; nothing to plan`);
    return 0;
  }
  return planCommand({ ...options, stacks }, project);
}
