import { loadProject } from "@baikal/platform/project";
import { focusOn, lineageGraph } from "../lineage/lineage-graph.ts";
import { toDot, toMermaid } from "../lineage/render-graph.ts";

export interface GraphOptions {
  /** @default "mermaid" */
  readonly format?: "mermaid" | "dot";
  /** Only what this domain reads and what reads it. @default - every domain */
  readonly domain?: string;
}

/** `baikal graph`: the lineage of tables, views and transforms, as Mermaid or DOT on stdout. */
export async function graphCommand(options: GraphOptions): Promise<number> {
  const project = await loadProject();
  const names = project.domains.map((d) => d.name);
  if (options.domain !== undefined && !names.includes(options.domain)) {
    throw new Error(`unknown domain "${options.domain}"; domains: ${names.join(", ")}`);
  }
  const full = lineageGraph(project);
  const graph = options.domain ? focusOn(full, options.domain) : full;
  process.stdout.write(options.format === "dot" ? toDot(graph) : toMermaid(graph));
  return 0;
}
