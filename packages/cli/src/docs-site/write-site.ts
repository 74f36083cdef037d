import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DocsCatalog } from "./catalog-model.ts";
import { domainPage } from "./html.ts";
import { domainPageHtml, indexPage, lineagePage } from "./pages.ts";
import { SEARCH_SCRIPT, searchIndex, searchIndexScript } from "./search-index.ts";

/** Every file of the site, by name: flat, so relative links work from `file://` as well as from a server. */
export function siteFiles(catalog: DocsCatalog): Map<string, string> {
  const index = searchIndex(catalog);
  const files = new Map<string, string>([
    ["index.html", indexPage(catalog)],
    ["lineage.html", lineagePage(catalog)],
    ["search-index.js", searchIndexScript(index)],
    // The same index for machines and other tools.
    ["search-index.json", `${JSON.stringify(index, null, 2)}\n`],
    ["search.js", SEARCH_SCRIPT],
  ]);
  for (const domain of catalog.domains) files.set(domainPage(domain.name), domainPageHtml(catalog, domain));
  return files;
}

/** Writes the site into `outdir`; returns the file names written. */
export function writeSite(catalog: DocsCatalog, outdir: string): string[] {
  mkdirSync(outdir, { recursive: true });
  const files = siteFiles(catalog);
  for (const [name, content] of files) writeFileSync(join(outdir, name), content);
  return [...files.keys()];
}
