import type { Domain, Project } from "../loading/project.ts";
import type { ResolvedView } from "../views/resolved-view.ts";
import { exportErrorPrefix, exportStagingPrefix } from "./export-names.ts";

/** Other domains' views the exports of `domain` read, transitively, dependencies first. */
export function upstreamViews(project: Pick<Project, "domains" | "views">, domain: string): ResolvedView[] {
  const exported = project.domains.find((d) => d.name === domain)?.exports ?? [];
  const reached = new Set<string>();
  const visit = (id: string) => {
    if (reached.has(id)) return;
    reached.add(id);
    for (const next of project.views.find((v) => v.id === id)?.dependsOn ?? []) visit(next);
  };
  for (const e of exported) visit(`${domain}.${e.view}`);
  return project.views.filter((v) => v.domain !== domain && reached.has(v.id));
}

/** What the platform's bucket policies let AppFlow do for Salesforce exports: read staged rows, write rejected ones. */
export interface AppflowExportPrefixes {
  /** Query-results prefixes (`<workgroup>/exports/<name>/staging`) AppFlow reads. */
  readonly staging: readonly string[];
  /** Raw prefixes (`<domain>/exports/<name>/errors/`) AppFlow writes. */
  readonly errors: readonly string[];
}

export function exportPrefixes(domains: readonly Pick<Domain, "name" | "exports">[]): AppflowExportPrefixes {
  const salesforce = domains.flatMap((d) => (d.exports ?? []).filter((e) => e.destination.kind === "salesforce").map((e) => ({ domain: d.name, name: e.name })));
  return {
    staging: salesforce.map((e) => exportStagingPrefix(e.domain, e.name)).sort(),
    errors: salesforce.map((e) => exportErrorPrefix(e.domain, e.name)).sort(),
  };
}
