import type { LineageGraph, LineageNode, NodeKind } from "./lineage-graph.ts";

const byDomain = (graph: LineageGraph) => {
  const groups = new Map<string, LineageNode[]>();
  for (const node of graph.nodes) groups.set(node.domain, [...(groups.get(node.domain) ?? []), node]);
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
};

/** Mermaid and DOT ids may not contain "." or "()". */
const safeId = (id: string) => id.replace(/\(\)$/, "__run").replace(/[^A-Za-z0-9_]/g, "__");

const MERMAID_SHAPE: Record<NodeKind, (label: string) => string> = {
  table: (label) => `[("${label}")]`,
  view: (label) => `["${label}"]`,
  transform: (label) => `[["${label}"]]`,
};

/** A Mermaid flowchart, one subgraph per domain: tables as cylinders, views as boxes, transforms as subroutines. */
export function toMermaid(graph: LineageGraph): string {
  const lines = ["flowchart LR"];
  for (const [domain, nodes] of byDomain(graph)) {
    lines.push(`  subgraph ${safeId(`domain.${domain}`)}["${domain}"]`);
    for (const node of nodes) lines.push(`    ${safeId(node.id)}${MERMAID_SHAPE[node.kind](node.id.slice(domain.length + 1))}`);
    lines.push("  end");
  }
  for (const edge of graph.edges) lines.push(`  ${safeId(edge.from)} --> ${safeId(edge.to)}`);
  return `${lines.join("\n")}\n`;
}

const DOT_SHAPE: Record<NodeKind, string> = { table: "cylinder", view: "box", transform: "cds" };

/** Graphviz DOT, one cluster per domain. */
export function toDot(graph: LineageGraph): string {
  const lines = ["digraph lineage {", "  rankdir=LR;", "  node [fontname=Helvetica];"];
  for (const [domain, nodes] of byDomain(graph)) {
    lines.push(`  subgraph "cluster_${domain}" {`, `    label="${domain}";`);
    for (const node of nodes) lines.push(`    "${node.id}" [label="${node.id.slice(domain.length + 1)}", shape=${DOT_SHAPE[node.kind]}];`);
    lines.push("  }");
  }
  for (const edge of graph.edges) lines.push(`  "${edge.from}" -> "${edge.to}";`);
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
