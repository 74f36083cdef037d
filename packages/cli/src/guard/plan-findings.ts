import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ALLOW_FILE } from "./compare-stacks.ts";
import { DATA_BEARING } from "./data-bearing.ts";
import type { Finding } from "./finding.ts";

interface ResourceChange {
  readonly address: string;
  readonly type: string;
  readonly action_reason?: string;
  readonly change: { readonly actions: readonly string[]; readonly before?: Record<string, unknown> | null; readonly replace_paths?: readonly (readonly unknown[])[] };
}

/** Deletes and replaces of data-bearing resources in the saved plans (`<outdir>/stacks/<stack>/plan.json`) of these stacks. */
export function planFindings(outdir: string, stacks: Iterable<string>): Finding[] {
  const findings: Finding[] = [];
  for (const stack of stacks) {
    const file = join(outdir, "stacks", stack, "plan.json");
    if (!existsSync(file)) continue;
    const plan = JSON.parse(readFileSync(file, "utf8")) as { resource_changes?: readonly ResourceChange[] };
    for (const rc of plan.resource_changes ?? []) {
      const kind = DATA_BEARING[rc.type];
      const before = rc.change.before ?? {};
      if (!kind || !rc.change.actions.includes("delete") || !(kind.holdsData ?? (() => true))(before)) continue;
      const replace = rc.change.actions.includes("create");
      const paths = (rc.change.replace_paths ?? []).map((p) => p.join(".")).join(", ");
      findings.push({
        stack,
        address: rc.address,
        kind: replace ? "replace" : "destroy",
        what: `the saved plan ${replace ? "replaces" : "destroys"} it${paths ? ` (${paths} forces replacement)` : ""}, losing ${kind.loses}`,
        fix: `change the declaration so the plan keeps it; if the data may really go, add {"stack": "${stack}", "address": "${rc.address}", "reason": "..."} to ${ALLOW_FILE}`,
      });
    }
  }
  return findings;
}
