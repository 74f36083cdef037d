import { focusOn } from "../lineage/lineage-graph.ts";
import type { DocsCatalog, DocsDataset, DocsDomain, DocsReader, DocsTransform } from "./catalog-model.ts";
import { anchor, datasetHref, domainPage, escapeHtml as e, page } from "./html.ts";
import { lineageSvg } from "./lineage-svg.ts";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
type Known = ReadonlySet<string>;
/** A link to a table, view or transform with a page; just its name for one the catalog does not show. */
const link = (id: string, known: Known) => (known.has(id) ? `<a href="${e(datasetHref(id))}"><code>${e(id)}</code></a>` : `<code>${e(id)}</code>`);
const links = (ids: readonly string[], known: Known) => ids.map((id) => link(id, known)).join(", ");
const tags = (t: Readonly<Record<string, string>>) =>
  Object.entries(t)
    .map(([k, v]) => `<span class="badge tag">${e(k)}: ${e(v)}</span>`)
    .join(" ");

const LEGEND = `<p class="legend muted"><span><span class="badge table">table</span> data stored in the lake</span><span><span class="badge view">view</span> a saved query over tables</span><span><span class="badge transform">transform</span> a job that fills a table</span> Arrows show where data flows; click a box to open it.</p>`;

/** `index.html`: every domain with what it holds. */
export function indexPage(catalog: DocsCatalog): string {
  const rows = catalog.domains.map((d) => {
    const tables = d.datasets.filter((t) => t.kind === "table").length;
    const views = d.datasets.length - tables;
    return `<tr><td><a href="${e(domainPage(d.name))}"><strong>${e(d.name)}</strong></a></td><td>${e(d.description)}</td><td>${plural(tables, "table")}, ${plural(views, "view")}, ${plural(d.transforms.length, "transform")}</td><td>${d.owners.map((o) => `<code>${e(o)}</code>`).join(" ")}</td></tr>`;
  });
  return page(
    "Domains",
    `<h1>Data catalog of ${e(catalog.organisation)}</h1>
<p class="muted">Every dataset the teams publish: what each table and view holds, column by column, where its data comes from and who can read it. Type in the search box above (or press <kbd>/</kbd>) to find a column by name or description.</p>
<h2>Domains</h2>
<p>A domain is one team's area: its tables, its views and the jobs that fill them.</p>
<table><thead><tr><th>Domain</th><th>What it holds</th><th>Contents</th><th>Owners (who to ask)</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table>`,
  );
}

/** `lineage.html`: the whole organisation's data flow. */
export function lineagePage(catalog: DocsCatalog): string {
  return page(
    "Lineage",
    `<h1>Lineage</h1>
<p class="muted">How data flows between every domain's tables, views and transforms, from where it arrives (left) to what is built from it (right).</p>
${LEGEND}
<div class="graph">${lineageSvg(catalog.lineage, (n) => datasetHref(n.id))}</div>`,
  );
}

/** Columns inherit the table's tags, shown once above; a column shows only the tags it sets differently. */
function columnsTable(t: DocsDataset): string {
  const own = (c: DocsDataset["columns"][number]) => Object.fromEntries(Object.entries(c.tags).filter(([k, v]) => t.tags[k] !== v));
  const withTags = t.columns.some((c) => Object.keys(own(c)).length > 0);
  const rows = t.columns.map(
    (c) =>
      `<tr id="${e(`${anchor(t.name, t.kind)}.${c.name}`)}"><td><code>${e(c.name)}</code>${c.partitionKey ? ` <span class="badge" title="part of the storage path: filter on it to read less and pay less">partition key</span>` : ""}</td><td><code>${e(c.type)}</code></td><td>${e(c.description)}${c.required && !c.partitionKey ? ` <span class="muted">(always present)</span>` : ""}</td>${withTags ? `<td>${tags(own(c))}</td>` : ""}</tr>`,
  );
  return `<table><thead><tr><th>Column</th><th>Type</th><th>Meaning</th>${withTags ? "<th>Tags of its own</th>" : ""}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function readerRow(r: DocsReader): string {
  const columns = r.columns ? `only ${r.columns.map((c) => `<code>${e(c)}</code>`).join(", ")}` : "all columns";
  const rows = r.rowFilter ? `only rows where <code>${e(r.rowFilter.expression)}</code> (filter <code>${e(r.rowFilter.name)}</code>)` : "all rows";
  return `<tr><td>${e(r.environment)}</td><td><strong>${e(r.principal)}</strong></td><td>${columns}</td><td>${rows}</td><td class="muted">${e(r.through)}</td></tr>`;
}

function readersSection(t: DocsDataset): string {
  if (t.readers.length === 0) return `<p><strong>Who can read it:</strong> <span class="muted">nobody outside the owning team has been granted it.</span></p>`;
  return `<details open><summary><strong>Who can read it</strong> (${plural(t.readers.length, "grant")})</summary>
<table><thead><tr><th>Environment</th><th>Who</th><th>Columns</th><th>Rows</th><th>Granted through</th></tr></thead><tbody>${t.readers.map(readerRow).join("")}</tbody></table></details>`;
}

/** Tables: how to filter on the partition keys (Athena reads only those folders) and a query to start from. */
function querySection(t: DocsDataset): string {
  if (!t.query) return "";
  const keys =
    t.query.keys.length > 0
      ? `<p>Filter on its partition keys: Athena then reads only the matching folders, so the query is faster and costs less.</p><ul>${t.query.keys
          .map((k) => `<li><code>${e(k.key)}</code>: ${e(k.words)}, e.g. <code>${e(k.condition)}</code></li>`)
          .join("")}</ul>`
      : `<p class="muted">It has no partition keys: every query reads all of it.</p>`;
  return `<details open><summary><strong>How to query it</strong></summary>${keys}<pre><code>${e(t.query.example)}</code></pre></details>`;
}

function datasetCard(t: DocsDataset, known: Known): string {
  const what =
    t.kind === "table"
      ? `A table in the ${e(t.storage!.zone)} zone, stored as ${e(t.storage!.format)}.`
      : "A view: a saved query, computed whenever it is read.";
  const flow = [
    t.builtBy ? `<p><strong>Filled by:</strong> ${link(`${t.builtBy}()`, known)}</p>` : "",
    t.readsFrom.length > 0 ? `<p><strong>Reads from:</strong> ${links(t.readsFrom, known)}</p>` : "",
    t.readBy.length > 0 ? `<p><strong>Used by:</strong> ${links(t.readBy, known)}</p>` : "",
  ].join("");
  const sql = t.sql
    ? `<details><summary>The SQL behind this view <span class="muted">(${e(t.sql.file)})</span></summary><pre><code>${e(t.sql.text)}</code></pre></details>`
    : "";
  return `<section class="card" id="${e(anchor(t.name, t.kind))}">
<h3><span class="badge ${t.kind}">${t.kind}</span>${e(t.name)}${t.published ? ` <span class="badge" title="other domains may read it">published</span>` : ""}</h3>
<p>${e(t.description)}</p>
<p class="muted">${what} Query it as <code>${e(t.id)}</code>. ${tags(t.tags)}</p>
${columnsTable(t)}
${querySection(t)}
${flow}
${readersSection(t)}
${sql}
</section>`;
}

function transformCard(x: DocsTransform, known: Known): string {
  const tests =
    x.tests.length > 0
      ? `<p><strong>Checked after every run</strong> (the run fails if one does not hold):</p><ul>${x.tests.map((t) => `<li>${e(t)}</li>`).join("")}</ul>`
      : `<p class="muted">No data tests run after it.</p>`;
  return `<section class="card" id="${e(anchor(x.name, "transform"))}">
<h3><span class="badge transform">transform</span>${e(x.name)}</h3>
<p>${e(x.description)}</p>
<p><strong>Fills:</strong> ${link(x.target, known)}, and ${e(x.mode)}.</p>
<p><strong>Runs:</strong> ${e(x.schedule)}.</p>
<p><strong>Reads:</strong> ${x.reads.length > 0 ? links(x.reads, known) : "nothing"}</p>
${tests}
<details><summary>The SQL it runs <span class="muted">(${e(x.sql.file)})</span></summary><pre><code>${e(x.sql.text)}</code></pre></details>
</section>`;
}

/** `domain-<name>.html`: a domain's tables and views column by column, its transforms, readers and lineage. */
export function domainPageHtml(catalog: DocsCatalog, domain: DocsDomain): string {
  const toc = domain.datasets.map((t) => `<li><span class="badge ${t.kind}">${t.kind}</span><a href="#${e(anchor(t.name, t.kind))}">${e(t.name)}</a> <span class="muted">${e(t.description)}</span></li>`);
  const transformToc = domain.transforms.map((x) => `<li><span class="badge transform">transform</span><a href="#${e(anchor(x.name, "transform"))}">${e(x.name)}</a> <span class="muted">${e(x.description)}</span></li>`);
  const graph = focusOn(catalog.lineage, domain.name);
  const known = new Set(catalog.lineage.nodes.map((n) => n.id));
  return page(
    domain.name,
    `<p class="muted"><a href="index.html">Domains</a> › ${e(domain.name)}</p>
<h1>${e(domain.name)}</h1>
<p>${e(domain.description)}</p>
<p class="muted">Owners, who to ask: ${domain.owners.map((o) => `<code>${e(o)}</code>`).join(", ")}</p>
<h2>Tables and views</h2>
${domain.datasets.length > 0 ? `<ul>${toc.join("")}</ul>` : `<p class="muted">None yet.</p>`}
${transformToc.length > 0 ? `<h2>Transforms</h2><p>Jobs that fill this domain's tables on a schedule.</p><ul>${transformToc.join("")}</ul>` : ""}
<h2>Lineage</h2>
<p class="muted">What this domain reads and what reads it; this domain's boxes are drawn bold.</p>
${LEGEND}
<div class="graph">${lineageSvg(graph, (n) => datasetHref(n.id), domain.name)}</div>
<h2>Details</h2>
${domain.datasets.map((t) => datasetCard(t, known)).join("\n")}
${domain.transforms.map((x) => transformCard(x, known)).join("\n")}`,
  );
}
