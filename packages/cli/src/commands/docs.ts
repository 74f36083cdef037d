import { join, relative, resolve } from "node:path";
import { loadProject } from "@baikal/platform/project";
import { docsCatalog } from "../docs-site/catalog-model.ts";
import { writeSite } from "../docs-site/write-site.ts";
import { accessReportOf } from "./access.ts";

export interface DocsOptions {
  /** Folder the site is written into. @default "<root>/cdktf.out/docs" */
  readonly outdir?: string;
}

/** `baikal docs`: the data catalog as a static site, readable offline from its files. */
export async function docsCommand(options: DocsOptions): Promise<number> {
  const started = performance.now();
  const project = await loadProject();
  const catalog = docsCatalog(project, accessReportOf(project));
  const outdir = options.outdir ? resolve(options.outdir) : join(project.root, "cdktf.out", "docs");
  const files = writeSite(catalog, outdir);
  const datasets = catalog.domains.reduce((n, d) => n + d.datasets.length, 0);
  const ms = Math.round(performance.now() - started);
  const near = relative(process.cwd(), outdir);
  const shown = near === "" ? "." : near.startsWith("..") ? outdir : near;
  console.log(`wrote the data catalog (${catalog.domains.length} domains, ${datasets} tables and views, ${files.length} files) into ${shown} in ${ms} ms`);
  console.log(`open ${join(outdir, "index.html")} in a browser`);
  return 0;
}
