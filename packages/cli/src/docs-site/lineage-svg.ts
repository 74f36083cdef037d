import type { LineageGraph, LineageNode, NodeKind } from "../lineage/lineage-graph.ts";
import { escapeHtml } from "./html.ts";

const NODE_WIDTH = 220;
const NODE_HEIGHT = 30;
const COLUMN_GAP = 90;
const ROW_GAP = 14;
const MARGIN = 16;
const MAX_LABEL = 28;

const FILL: Record<NodeKind, string> = { table: "#dbeafe", view: "#dcfce7", transform: "#fef3c7" };
const STROKE: Record<NodeKind, string> = { table: "#2563eb", view: "#16a34a", transform: "#d97706" };

export interface PlacedNode extends LineageNode {
  readonly layer: number;
  readonly x: number;
  readonly y: number;
}

/**
 * A layered layout: a node's layer is the length of the longest path reaching it, so data flows left to right;
 * within a layer, nodes sit near the mean row of what they read (one barycenter pass), which keeps most edges short.
 */
export function layoutLineage(graph: LineageGraph): PlacedNode[] {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
  const layer = new Map(graph.nodes.map((n) => [n.id, 0]));
  // Bellman-Ford style relaxation, capped at |nodes| rounds so a cycle cannot loop forever.
  for (let round = 0; round < graph.nodes.length; round++) {
    let changed = false;
    for (const e of edges) {
      const next = layer.get(e.from)! + 1;
      if (next > layer.get(e.to)! && next < graph.nodes.length) {
        layer.set(e.to, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const layers: LineageNode[][] = [];
  for (const node of graph.nodes) (layers[layer.get(node.id)!] ??= []).push(node);
  const row = new Map<string, number>();
  layers.forEach((nodes, index) => {
    const key = (n: LineageNode) => {
      const reads = edges.filter((e) => e.to === n.id && row.has(e.from)).map((e) => row.get(e.from)!);
      return index === 0 || reads.length === 0 ? Number.POSITIVE_INFINITY : reads.reduce((a, b) => a + b, 0) / reads.length;
    };
    const sorted = [...nodes].sort((a, b) => key(a) - key(b) || a.domain.localeCompare(b.domain) || a.id.localeCompare(b.id));
    sorted.forEach((n, i) => row.set(n.id, i));
  });
  return graph.nodes.map((n) => {
    const l = layer.get(n.id)!;
    return { ...n, layer: l, x: MARGIN + l * (NODE_WIDTH + COLUMN_GAP), y: MARGIN + row.get(n.id)! * (NODE_HEIGHT + ROW_GAP) };
  });
}

const shorten = (text: string) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);

/**
 * The lineage as an inline SVG: tables, views and transforms as coloured boxes linking to their pages, arrows
 * for data flow. `href` gives each node's link; nodes of `highlight` (a domain) are drawn bold.
 */
export function lineageSvg(graph: LineageGraph, href: (node: LineageNode) => string, highlight?: string): string {
  const placed = layoutLineage(graph);
  if (placed.length === 0) return `<p class="muted">Nothing to draw: no tables, views or transforms.</p>`;
  const at = new Map(placed.map((n) => [n.id, n]));
  const width = Math.max(...placed.map((n) => n.x)) + NODE_WIDTH + MARGIN;
  const height = Math.max(...placed.map((n) => n.y)) + NODE_HEIGHT + MARGIN;
  const paths = graph.edges.flatMap((e) => {
    const from = at.get(e.from);
    const to = at.get(e.to);
    if (!from || !to) return [];
    const x1 = from.x + NODE_WIDTH;
    const y1 = from.y + NODE_HEIGHT / 2;
    const x2 = to.x - 4;
    const y2 = to.y + NODE_HEIGHT / 2;
    const bend = Math.max(30, (x2 - x1) / 2);
    return [`<path class="edge" d="M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}" marker-end="url(#arrow)"/>`];
  });
  const boxes = placed.map((n) => {
    const strong = highlight !== undefined && n.domain === highlight;
    const kindWord = n.kind === "transform" ? "transform (job)" : n.kind;
    return [
      `<a href="${escapeHtml(href(n))}" class="node node-${n.kind}" data-id="${escapeHtml(n.id)}">`,
      `<title>${escapeHtml(`${n.id.replace(/\(\)$/, "")}: ${kindWord} of ${n.domain}`)}</title>`,
      `<rect x="${n.x}" y="${n.y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="${n.kind === "view" ? 4 : 12}" fill="${FILL[n.kind]}" stroke="${STROKE[n.kind]}" stroke-width="${strong ? 2.5 : 1}"/>`,
      `<text x="${n.x + 10}" y="${n.y + NODE_HEIGHT / 2 + 4}"${strong ? ` font-weight="600"` : ""}>${escapeHtml(shorten(n.id))}</text>`,
      `</a>`,
    ].join("");
  });
  return [
    `<svg class="lineage" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Lineage graph: how data flows between tables, views and transforms">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#64748b"/></marker></defs>`,
    ...paths,
    ...boxes,
    `</svg>`,
  ].join("\n");
}
