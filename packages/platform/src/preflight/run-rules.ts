import type { Problem } from "../problems/problem.ts";
import { RULES, type Rule, type RuleContext } from "./rules/index.ts";
import type { SynthesizedStack } from "./stack/synthesized-stack.ts";
import { type Suppression, suppressionMatches, suppressionMessages, SUPPRESSIONS_FILE } from "./suppressions.ts";

/** A rule's objection in one stack. */
export interface RuleFinding {
  readonly check: string;
  readonly stack: string;
  readonly where: string;
  readonly message: string;
  readonly severity: Rule["severity"];
}

export interface RuleResults {
  /** Findings no suppression matches: errors fail `check`, `synth` and `plan`; warnings are listed. */
  readonly findings: readonly RuleFinding[];
  /** Findings a suppression excused, with its reason. */
  readonly suppressed: readonly { readonly finding: RuleFinding; readonly reason: string }[];
  /** Suppressions that matched nothing, when every stack was checked. */
  readonly problems: readonly Problem[];
}

/** Every rule over one stack, before suppressions. */
export function ruleFindings(stack: SynthesizedStack, context: RuleContext, rules: readonly Rule[] = RULES): RuleFinding[] {
  return rules.flatMap((rule) => rule.check(stack, context).map((v) => ({ check: rule.id, stack: stack.name, where: v.where, message: v.message, severity: rule.severity })));
}

/** Applies the suppressions; `complete` when the findings cover every stack, so unused suppressions are known. */
export function applySuppressions(findings: readonly RuleFinding[], suppressions: readonly Suppression[], complete: boolean): RuleResults {
  const used = new Set<Suppression>();
  const open: RuleFinding[] = [];
  const suppressed: { finding: RuleFinding; reason: string }[] = [];
  for (const finding of findings) {
    const s = suppressions.find((x) => suppressionMatches(x, finding));
    if (s) {
      used.add(s);
      suppressed.push({ finding, reason: s.reason });
    } else {
      open.push(finding);
    }
  }
  const problems = complete
    ? suppressions.flatMap((s, i): Problem[] => (used.has(s) ? [] : [{ source: SUPPRESSIONS_FILE, path: ["suppressions", i], message: suppressionMessages.unused(s) }]))
    : [];
  return { findings: open, suppressed, problems };
}

const RULE_BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** `error platform-staging: aws_x.y: [rule] message` and, below it, the rule's reason and page. */
export function formatRuleFinding(f: RuleFinding): string {
  const rule = RULE_BY_ID.get(f.check);
  const why = rule ? `\n    why: ${rule.summary}. ${rule.explanation}\n    see: ${rule.documentation}` : "";
  return `${f.severity} ${f.stack}: ${f.where}: [${f.check}] ${f.message}${why}`;
}
