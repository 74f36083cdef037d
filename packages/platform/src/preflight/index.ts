/**
 * Preflight: what AWS would refuse at apply or at the first run, found before review. `checkRules` runs Baikal's rule
 * set (rules/) over the project's synthesized stacks for `baikal check`, synthesizing in memory only the stacks whose
 * fingerprints have no cached findings; `checkSynthesizedStacks` runs it over what `baikal synth` just wrote. The
 * validators that carry AWS's own models (validators/) run in the test suite.
 */
import { join } from "node:path";
import { stackFingerprints } from "../compiler/stack-fingerprints.ts";
import type { Project } from "../loading/project.ts";
import { stackNames } from "../naming/stack-names.ts";
import { RuleCache } from "./rule-cache.ts";
import { RULES } from "./rules/index.ts";
import { applySuppressions, type RuleFinding, ruleFindings, type RuleResults } from "./run-rules.ts";
import { readSynthesizedStacks, stackPlacement } from "./stack/read-stacks.ts";
import type { SynthesizedStack, TerraformJson } from "./stack/synthesized-stack.ts";
import { readSuppressions } from "./suppressions.ts";

export { formatRuleFinding, type RuleFinding, type RuleResults } from "./run-rules.ts";
export { RULES } from "./rules/index.ts";
export { SUPPRESSIONS_FILE } from "./suppressions.ts";
export { ruleFindings, applySuppressions } from "./run-rules.ts";
export type { SynthesizedStack } from "./stack/synthesized-stack.ts";

export interface RuleCheck extends RuleResults {
  /** Stacks checked, and how many had to be synthesized (the rest came from the cache). */
  readonly stacks: number;
  readonly synthesized: number;
}

/** Every rule over every stack of the project, for `baikal check`. */
export async function checkRules(project: Project): Promise<RuleCheck> {
  const { suppressions, problems } = readSuppressions(project.root, RULES.map((r) => r.id));
  const fingerprints = stackFingerprints(project);
  const cache = RuleCache.open(project.root);
  const findings: RuleFinding[] = [];
  const missing: string[] = [];
  for (const [stack, fingerprint] of fingerprints) {
    const cached = cache.get(stack, fingerprint);
    if (cached) findings.push(...cached);
    else missing.push(stack);
  }
  // cdktf and the provider bindings load only when a stack must be synthesized: a check with everything cached skips them.
  const synthesized = missing.length === 0 ? new Map<string, unknown>() : await (await import("../compiler/synthesize-in-memory.ts")).synthesizeInMemory(project, missing, join(project.root, "node_modules/.cache/baikal/preflight-synth"));
  for (const stack of missing) {
    const found = ruleFindings({ ...stackPlacement(project, stack), json: synthesized.get(stack) as TerraformJson }, { organisation: project.organisation });
    cache.set(stack, fingerprints.get(stack)!, found);
    findings.push(...found);
  }
  cache.save();
  const results = applySuppressions(findings, suppressions, true);
  return { ...results, problems: [...problems, ...results.problems], stacks: fingerprints.size, synthesized: missing.length };
}

/** The project's stacks, synthesized in memory (the named ones, or all), with where each deploys. */
export async function synthesizedStacks(project: Project, workdir: string, names?: readonly string[]): Promise<SynthesizedStack[]> {
  const wanted = names ?? stackNames(project).map((s) => s.name);
  const { synthesizeInMemory } = await import("../compiler/synthesize-in-memory.ts");
  const json = await synthesizeInMemory(project, wanted, workdir);
  return wanted.map((name) => ({ ...stackPlacement(project, name), json: json.get(name) as TerraformJson }));
}

/** Every rule over stacks `baikal synth` wrote to `outdir`, for `synth` and `plan`. */
export function checkSynthesizedStacks(project: Project, outdir: string, names: readonly string[]): RuleResults {
  const { suppressions, problems } = readSuppressions(project.root, RULES.map((r) => r.id));
  const stacks = readSynthesizedStacks(project, outdir, names);
  const findings = stacks.flatMap((s) => ruleFindings(s, { organisation: project.organisation }));
  const complete = stackNames(project).every((s) => names.includes(s.name));
  const results = applySuppressions(findings, suppressions, complete);
  return { ...results, problems: [...problems, ...results.problems] };
}
