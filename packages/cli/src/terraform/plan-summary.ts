/** What a saved plan would do, from `terraform show -json`. */
export interface PlanSummary {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
  /** Resources destroyed and created again: data-bearing ones lose their data. */
  readonly replace: number;
  /** Addresses of every delete or replace, for reviewers. */
  readonly destructive: readonly string[];
}

interface PlanJson {
  readonly resource_changes?: readonly { readonly address: string; readonly change: { readonly actions: readonly string[] } }[];
}

export function summarizePlan(plan: PlanJson): PlanSummary {
  let add = 0;
  let change = 0;
  let destroy = 0;
  let replace = 0;
  const destructive: string[] = [];
  for (const resource of plan.resource_changes ?? []) {
    const actions = resource.change.actions;
    if (actions.includes("delete") && actions.includes("create")) {
      replace++;
      destructive.push(`${resource.address} (replace)`);
    } else if (actions.includes("delete")) {
      destroy++;
      destructive.push(`${resource.address} (destroy)`);
    } else if (actions.includes("create")) add++;
    else if (actions.includes("update")) change++;
  }
  return { add, change, destroy, replace, destructive };
}
