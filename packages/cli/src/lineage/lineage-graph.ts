import type { Project } from "@baikal/platform/project";

export type NodeKind = "table" | "view" | "transform";

export interface LineageNode {
  /** `domain.name`, as SQL names it. */
  readonly id: string;
  readonly domain: string;
  readonly kind: NodeKind;
}

/** Data flows from `from` to `to`: a view or transform reads `from`, or a transform writes `to`. */
export interface LineageEdge {
  readonly from: string;
  readonly to: string;
}

export interface LineageGraph {
  readonly nodes: readonly LineageNode[];
  readonly edges: readonly LineageEdge[];
}

/**
 * Tables, views and transforms of every domain, and how data flows between them: what each view and transform
 * reads, and which table each transform writes. Transform ids get a `()` suffix, since a transform and its
 * target table usually share a name.
 */
export function lineageGraph(project: Pick<Project, "domains" | "views" | "transforms">): LineageGraph {
  const nodes: LineageNode[] = [];
  const edges: LineageEdge[] = [];
  for (const domain of project.domains) {
    for (const table of domain.tables ?? []) nodes.push({ id: `${domain.name}.${table.name}`, domain: domain.name, kind: "table" });
  }
  for (const view of project.views) {
    nodes.push({ id: view.id, domain: view.domain, kind: "view" });
    for (const from of [...view.readsTables, ...view.dependsOn]) edges.push({ from, to: view.id });
  }
  for (const transform of project.transforms ?? []) {
    const id = `${transform.id}()`;
    nodes.push({ id, domain: transform.domain, kind: "transform" });
    for (const from of transform.readsTables) edges.push({ from, to: id });
    edges.push({ from: id, to: `${transform.domain}.${transform.target.name}` });
  }
  const unique = new Map(edges.map((e) => [`${e.from}>${e.to}`, e]));
  return { nodes, edges: [...unique.values()] };
}

/** Only what is connected to `domain`, upstream or downstream, transitively. */
export function focusOn(graph: LineageGraph, domain: string): LineageGraph {
  const keep = new Set(graph.nodes.filter((n) => n.domain === domain).map((n) => n.id));
  for (const direction of ["up", "down"] as const) {
    const seen = new Set(keep);
    const queue = [...seen];
    while (queue.length > 0) {
      const id = queue.pop()!;
      for (const e of graph.edges) {
        const next = direction === "up" ? (e.to === id ? e.from : undefined) : e.from === id ? e.to : undefined;
        if (next && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    for (const id of seen) keep.add(id);
  }
  return { nodes: graph.nodes.filter((n) => keep.has(n.id)), edges: graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to)) };
}
