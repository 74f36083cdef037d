/**
 * Exceptions to Baikal's rules, in one reviewed file at the repository's root: `preflight-suppressions.json`,
 * `{ "suppressions": [{ "rule", "stack", "where", "reason" }] }`. `stack` and `where` may end in `*`; `reason` is
 * required. A suppression that names an unknown rule, gives no reason, or matches nothing is itself a problem, so
 * the file never outlives what it excuses.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Problem } from "../problems/problem.ts";
import { didYouMean } from "../problems/suggest.ts";

export const SUPPRESSIONS_FILE = "preflight-suppressions.json";

const suppression = z.strictObject({
  rule: z.string().min(1),
  /** A stack name, or a prefix ending in `*`. */
  stack: z.string().min(1),
  /** The finding's place (a Terraform address), or a prefix ending in `*`. */
  where: z.string().min(1),
  reason: z.string().trim().min(10, "say why the rule does not apply here, in a sentence a reviewer can check"),
});
const file = z.strictObject({ suppressions: z.array(suppression) });

export type Suppression = z.infer<typeof suppression>;

export const suppressionMessages = {
  unknownRule: (rule: string, rules: readonly string[]) => `suppresses rule "${rule}", which does not exist${didYouMean(rule, rules)} (rules: ${rules.join(", ")})`,
  unused: (s: Suppression) => `suppresses ${s.rule} in ${s.stack} at ${s.where}, but no finding matches any more; remove it`,
};

const matches = (pattern: string, value: string) => (pattern.endsWith("*") ? value.startsWith(pattern.slice(0, -1)) : value === pattern);

export function suppressionMatches(s: Suppression, finding: { check: string; stack: string; where: string }): boolean {
  return s.rule === finding.check && matches(s.stack, finding.stack) && matches(s.where, finding.where);
}

/** The project's suppressions, or problems with the file (each at its place). */
export function readSuppressions(root: string, rules: readonly string[]): { suppressions: Suppression[]; problems: Problem[] } {
  const path = join(root, SUPPRESSIONS_FILE);
  if (!existsSync(path)) return { suppressions: [], problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    return { suppressions: [], problems: [{ source: SUPPRESSIONS_FILE, message: `is not JSON: ${(error as Error).message}` }] };
  }
  const parsed = file.safeParse(json);
  if (!parsed.success) {
    return { suppressions: [], problems: parsed.error.issues.map((i) => ({ source: SUPPRESSIONS_FILE, path: i.path as (string | number)[], message: i.message })) };
  }
  const problems: Problem[] = [];
  parsed.data.suppressions.forEach((s, i) => {
    if (!rules.includes(s.rule)) problems.push({ source: SUPPRESSIONS_FILE, path: ["suppressions", i, "rule"], message: suppressionMessages.unknownRule(s.rule, rules) });
  });
  return { suppressions: parsed.data.suppressions, problems };
}
