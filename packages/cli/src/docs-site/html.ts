/** The page frame shared by every page: inline styles, the search box, no external assets at all. */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** `domain-<name>.html`: every page sits in one folder, so links work from `file://` without a server. */
export const domainPage = (domain: string) => `domain-${domain}.html`;

/** Anchor of a table, view or transform on its domain page; transforms often share their table's name. */
export const anchor = (name: string, kind: "table" | "view" | "transform") => (kind === "transform" ? `transform-${name}` : name);

/** Link to `domain.name` (a table or view) or `domain.name()` (a transform). */
export function datasetHref(id: string): string {
  const transform = id.endsWith("()");
  const [domain, name] = id.replace(/\(\)$/, "").split(".") as [string, string];
  return `${domainPage(domain)}#${anchor(name, transform ? "transform" : "table")}`;
}

const STYLE = `
:root { color-scheme: light; --ink: #0f172a; --muted: #64748b; --line: #e2e8f0; --accent: #2563eb; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f8fafc; }
header { position: sticky; top: 0; z-index: 2; display: flex; gap: 16px; align-items: center; padding: 10px 24px; background: #0f172a; color: #fff; }
header a { color: #fff; text-decoration: none; }
header .brand { font-weight: 700; }
header nav { display: flex; gap: 14px; }
.search { position: relative; margin-left: auto; }
.search input { width: 340px; padding: 6px 10px; border-radius: 6px; border: 0; font: inherit; }
#search-results { position: absolute; right: 0; top: 38px; width: 480px; max-height: 70vh; overflow: auto; margin: 0; padding: 0; list-style: none; background: #fff; color: var(--ink); border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.2); }
#search-results:empty { display: none; }
#search-results li a { display: block; padding: 8px 12px; color: var(--ink); border-bottom: 1px solid var(--line); }
#search-results li a:hover, #search-results li a:focus { background: #eff6ff; }
#search-results .kind { display: inline-block; min-width: 64px; font-size: 12px; color: var(--muted); }
#search-results .hint { display: block; font-size: 13px; color: var(--muted); }
main { max-width: 1200px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 28px; margin: 16px 0 4px; }
h2 { font-size: 21px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 18px; margin: 0 0 4px; }
a { color: var(--accent); }
.muted { color: var(--muted); }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 16px 20px; margin: 16px 0; }
.card:target { outline: 3px solid #93c5fd; }
.card, tr[id] { scroll-margin-top: 64px; }
.badge { display: inline-block; padding: 0 8px; margin-right: 4px; border-radius: 999px; font-size: 12px; background: #e2e8f0; }
.badge.table { background: #dbeafe; } .badge.view { background: #dcfce7; } .badge.transform { background: #fef3c7; }
.badge.tag { background: #f1f5f9; border: 1px solid var(--line); }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: #f1f5f9; font-weight: 600; }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, monospace; }
details { margin: 8px 0; }
pre { overflow: auto; padding: 12px; background: #0f172a; color: #e2e8f0; border-radius: 8px; font-size: 13px; }
.graph { overflow: auto; background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 8px; }
svg.lineage text { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; fill: #0f172a; }
svg.lineage .edge { fill: none; stroke: #94a3b8; stroke-width: 1.4; }
svg.lineage a:hover rect { filter: brightness(0.93); }
.legend span { margin-right: 12px; }
`;

/** A whole HTML page; `body` is already escaped HTML. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · data catalog</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<header>
<a class="brand" href="index.html">Data catalog</a>
<nav><a href="index.html">Domains</a><a href="lineage.html">Lineage</a></nav>
<div class="search" role="search">
<input id="search" type="search" placeholder="Search tables, views, columns…" aria-label="Search tables, views, columns and descriptions" autocomplete="off">
<ul id="search-results" aria-live="polite"></ul>
</div>
</header>
<main>
${body}
</main>
<script src="search-index.js"></script>
<script src="search.js"></script>
</body>
</html>
`;
}
