import { readFileSync } from "node:fs";
import { DATA_BEARING } from "./data-bearing.ts";
import { allowHint, type Finding } from "./finding.ts";
import { hasInPlaceRule, inPlaceFindings } from "./in-place/in-place-findings.ts";
import { plannedStatements } from "./in-place/policy-statements.ts";
import type { Body } from "./in-place/rule.ts";

interface ResourceChange {
  readonly address: string;
  readonly type: string;
  readonly change: {
    readonly actions: readonly string[];
    readonly before?: Body | null;
    readonly after?: Body | null;
    readonly after_unknown?: unknown;
    readonly replace_paths?: readonly (readonly unknown[])[];
  };
}

/** Replaces what Terraform only knows at apply time (`after_unknown`) with a reference, which the rules leave alone. */
function withUnknowns(after: unknown, unknown: unknown): unknown {
  if (unknown === true) return "${unknown}";
  if (Array.isArray(after)) return after.map((v, i) => withUnknowns(v, Array.isArray(unknown) ? unknown[i] : undefined));
  if (typeof after === "object" && after !== null) {
    const marks = (typeof unknown === "object" && unknown !== null ? unknown : {}) as Record<string, unknown>;
    const keys = new Set([...Object.keys(after), ...Object.keys(marks)]);
    return Object.fromEntries([...keys].map((key) => [key, withUnknowns((after as Record<string, unknown>)[key], marks[key])]));
  }
  return after;
}

function loss(stack: string, rc: ResourceChange): Finding | undefined {
  const kind = DATA_BEARING[rc.type];
  const before = rc.change.before ?? {};
  if (!kind || !rc.change.actions.includes("delete") || !(kind.holdsData ?? (() => true))(before)) return undefined;
  const replace = rc.change.actions.includes("create");
  const paths = (rc.change.replace_paths ?? []).map((p) => p.join(".")).join(", ");
  return {
    stack,
    address: rc.address,
    kind: replace ? "replace" : "destroy",
    what: `the saved plan ${replace ? "replaces" : "destroys"} it${paths ? ` (${paths} forces replacement)` : ""}, losing ${kind.loses}`,
    fix: `change the declaration so the plan keeps it; if the data may really go, ${allowHint(stack, rc.address)}`,
  };
}

/**
 * What a saved plan (`terraform show -json`) of one stack loses: deletes and replaces of data-bearing resources,
 * and updates in place that the in-place rules block, with the values Terraform resolved for references.
 */
export function planFindings(stack: string, file: string): Finding[] {
  const plan = JSON.parse(readFileSync(file, "utf8")) as { resource_changes?: readonly ResourceChange[] };
  const findings: Finding[] = [];
  for (const rc of plan.resource_changes ?? []) {
    const lost = loss(stack, rc);
    if (lost) findings.push(lost);
    else if (rc.change.actions.includes("update") && hasInPlaceRule(rc.type) && rc.change.before && rc.change.after) {
      findings.push(
        ...inPlaceFindings({
          stack,
          address: rc.address,
          type: rc.type,
          before: rc.change.before,
          after: withUnknowns(rc.change.after, rc.change.after_unknown) as Body,
          statements: (_side, policy) => plannedStatements(policy),
          reportUnknown: false,
        }),
      );
    }
  }
  return findings;
}
