/**
 * Views read views. The graph gives Terraform its order, finds cycles (which Athena would only reveal at query
 * time), and yields each view's lineage: the base-table columns it reads, transitively.
 */
export interface GraphNode {
  readonly id: string;
  /** Ids of the views this one reads, in the order they appear in its SQL. */
  readonly dependsOn: readonly string[];
}

/** Every cycle once, as the path that closes it: `["ads.a", "ads.b", "ads.a"]`. */
export function findCycles(nodes: readonly GraphNode[]): string[][] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const state = new Map<string, "active" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (id: string) => {
    state.set(id, "active");
    stack.push(id);
    for (const next of byId.get(id)?.dependsOn ?? []) {
      if (!byId.has(next)) continue;
      if (state.get(next) === "active") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(id, "done");
  };
  for (const node of nodes) if (!state.has(node.id)) visit(node.id);
  return cycles;
}

/** Dependencies before dependents; stable (declaration order among independent views). Assumes no cycles. */
export function topologicalOrder(nodes: readonly GraphNode[]): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const placed = new Set<string>();
  const order: string[] = [];
  const place = (id: string) => {
    if (placed.has(id) || !byId.has(id)) return;
    placed.add(id);
    for (const next of byId.get(id)!.dependsOn) place(next);
    order.push(id);
  };
  for (const node of nodes) place(node.id);
  return order;
}
