/** What a saved plan would do, from `plan.json` (Baikal's changes or `terraform show -json`). */
export interface PlanSummary {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
  /** Resources destroyed and created again: data-bearing ones lose their data. */
  readonly replace: number;
  /** Addresses of every delete or replace, for reviewers. */
  readonly destructive: readonly string[];
  /** Addresses by what happens to them, in plan order. */
  readonly addresses: {
    readonly create: readonly string[];
    readonly update: readonly string[];
    readonly replace: readonly string[];
    readonly destroy: readonly string[];
    /** `<from> -> <to>`: moved by a `moved` block, nothing else changes. */
    readonly move: readonly string[];
  };
}

interface PlanJson {
  readonly resource_changes?: readonly {
    readonly address: string;
    readonly previous_address?: string;
    readonly change: { readonly actions: readonly string[] };
  }[];
}

export function summarizePlan(plan: PlanJson): PlanSummary {
  const addresses = { create: [] as string[], update: [] as string[], replace: [] as string[], destroy: [] as string[], move: [] as string[] };
  const destructive: string[] = [];
  for (const resource of plan.resource_changes ?? []) {
    const actions = resource.change.actions;
    if (actions.includes("delete") && actions.includes("create")) {
      addresses.replace.push(resource.address);
      destructive.push(`${resource.address} (replace)`);
    } else if (actions.includes("delete")) {
      addresses.destroy.push(resource.address);
      destructive.push(`${resource.address} (destroy)`);
    } else if (actions.includes("create")) addresses.create.push(resource.address);
    else if (actions.includes("update")) addresses.update.push(resource.address);
    if (resource.previous_address && resource.previous_address !== resource.address) addresses.move.push(`${resource.previous_address} -> ${resource.address}`);
  }
  return {
    add: addresses.create.length,
    change: addresses.update.length,
    destroy: addresses.destroy.length,
    replace: addresses.replace.length,
    destructive,
    addresses,
  };
}

const MARKS = { create: "+", update: "~", replace: "-/+", destroy: "-", move: ">" } as const;
const WORDS = { create: "create", update: "update", replace: "replace", destroy: "destroy", move: "move" } as const;

/** `<stack>: 3 to create, 1 to replace` and one line per address (sorted), marked like Terraform's own plan output. */
export function formatStackChanges(stack: string, summary: PlanSummary): string {
  const kinds = (Object.keys(MARKS) as (keyof typeof MARKS)[]).filter((k) => summary.addresses[k].length > 0);
  if (kinds.length === 0) return `${stack}: no changes`;
  const head = `${stack}: ${kinds.map((k) => `${summary.addresses[k].length} to ${WORDS[k]}`).join(", ")}`;
  const lines = kinds.flatMap((k) => [...summary.addresses[k]].sort().map((a) => `  ${MARKS[k].padStart(3)} ${a}${k === "replace" || k === "destroy" ? ` (${k})` : ""}`));
  return [head, ...lines].join("\n");
}
