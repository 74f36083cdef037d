import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import type { DeployTarget, Project } from "@baikal/platform/project";
import { synth } from "../commands/synth.ts";
import { configurationHash, PLAN_SOURCE_FILE, type PlanSource, readPlanSource } from "./plan-source.ts";
import { readStacks, type Stacks } from "./synthesize-ref.ts";

/** Plan files are named relative to the project's root. */
export interface SavedPlans {
  /** Plans made from the head's own configuration at the head commit: the guard reads these. */
  readonly read: readonly { readonly stack: string; readonly file: string }[];
  /** Plans of another commit or configuration, or of unknown origin: the guard leaves them out, and says why. */
  readonly ignored: readonly { readonly stack: string; readonly file: string; readonly reason: string }[];
}

export interface SavedPlansInput {
  readonly root: string;
  /** `<dir>/stacks/<stack>/plan.json` */
  readonly dir: string;
  readonly stacks: readonly string[];
  readonly commit: string | null;
  readonly project: Project;
  /** The head's stacks the comparison already synthesized offline. */
  readonly synthesized: Stacks;
  readonly work: string;
}

const short = (commit: string | null) => (commit ? commit.slice(0, 7) : "no commit");

/** Why a plan of `stack` was not made from the head, or undefined when it was. */
function staleness(stack: string, source: PlanSource | undefined, commit: string | null, configuration: (s: PlanSource) => string | undefined): string | undefined {
  if (!source) return `it has no readable ${PLAN_SOURCE_FILE} beside it, so nothing says which configuration it was made from`;
  if (source.stack !== stack) return `its ${PLAN_SOURCE_FILE} says it is a plan of ${source.stack}`;
  if (source.commit !== commit) return `it was made at commit ${short(source.commit)}, but the head is ${short(commit)}`;
  if (source.configuration !== configuration(source)) return `it was made from another configuration of ${stack} than the working tree synthesizes (${source.target})`;
  return undefined;
}

/**
 * Sorts the saved plans of the head's stacks into those made for the current head and the rest. A plan counts only
 * when `baikal plan` recorded the head commit and the hash of exactly the configuration the head synthesizes now,
 * for the same target; everything else (an earlier commit, uncommitted edits since, a plan written by hand) is
 * ignored with its reason rather than trusted, since a stale plan describes changes this head does not make.
 */
export async function savedPlans(input: SavedPlansInput): Promise<SavedPlans> {
  const found = input.stacks
    .map((stack) => ({ stack, dir: join(input.dir, "stacks", stack) }))
    .filter(({ dir }) => existsSync(join(dir, "plan.json")))
    .map((p) => ({ ...p, source: readPlanSource(p.dir) }));
  // The head's configuration per target, for plans made at the head commit; offline stacks the comparison synthesized are reused.
  const current = found.filter((p) => p.source?.commit === input.commit && p.source.stack === p.stack);
  const configurations = new Map<DeployTarget, Stacks>();
  for (const target of new Set(current.map((p) => p.source!.target))) {
    const wanted = current.filter((p) => p.source!.target === target && !(target === "offline" && input.synthesized.has(p.stack))).map((p) => p.stack);
    const outdir = join(input.work, `plans-${target}`);
    if (wanted.length > 0) await synth({ stacks: wanted, target, outdir, contracts: false }, input.project);
    configurations.set(target, new Map([...(target === "offline" ? input.synthesized : []), ...(wanted.length > 0 ? readStacks(outdir) : [])]));
  }
  const read: SavedPlans["read"][number][] = [];
  const ignored: SavedPlans["ignored"][number][] = [];
  for (const { stack, dir, source } of found) {
    const file = join(dir, "plan.json");
    const reason = staleness(stack, source, input.commit, (s) => {
      const json = configurations.get(s.target)?.get(stack);
      return json ? configurationHash(json) : undefined;
    });
    const shown = relative(input.root, file);
    if (reason) ignored.push({ stack, file: shown, reason });
    else read.push({ stack, file: shown });
  }
  return { read, ignored };
}
