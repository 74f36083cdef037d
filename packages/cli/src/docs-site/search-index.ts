import type { DocsCatalog } from "./catalog-model.ts";
import { anchor, domainPage } from "./html.ts";

export interface SearchEntry {
  readonly kind: "domain" | "table" | "view" | "column" | "transform";
  /** What matches first: the name, e.g. `article_id`. */
  readonly name: string;
  /** Where it lives, e.g. `news.article_views`. */
  readonly where: string;
  readonly description: string;
  /** Relative link, e.g. `domain-news.html#article_views`. */
  readonly href: string;
}

/** Every domain, table, view, column and transform with its description: what the search box looks through. */
export function searchIndex(catalog: DocsCatalog): SearchEntry[] {
  return catalog.domains.flatMap((d) => [
    { kind: "domain" as const, name: d.name, where: "domain", description: d.description, href: domainPage(d.name) },
    ...d.datasets.flatMap((t) => {
      const href = `${domainPage(d.name)}#${anchor(t.name, t.kind)}`;
      return [
        { kind: t.kind, name: t.name, where: t.id, description: t.description, href },
        ...t.columns.map((c) => ({ kind: "column" as const, name: c.name, where: t.id, description: c.description, href })),
      ];
    }),
    ...d.transforms.map((x) => ({
      kind: "transform" as const,
      name: x.name,
      where: x.id,
      description: x.description,
      href: `${domainPage(d.name)}#${anchor(x.name, "transform")}`,
    })),
  ]);
}

/** `search-index.js`: a script, not JSON, because browsers refuse `fetch` on `file://` but run local scripts. */
export function searchIndexScript(entries: readonly SearchEntry[]): string {
  return `window.BAIKAL_SEARCH_INDEX = ${JSON.stringify(entries).replace(/</g, "\\u003c")};\n`;
}

/**
 * `search.js`: matches every word typed against name, place and description; name matches rank first, then
 * tables and views before their columns. Plain DOM, no libraries.
 */
export const SEARCH_SCRIPT = `(function () {
  "use strict";
  var index = window.BAIKAL_SEARCH_INDEX || [];
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  if (!input || !list) return;
  var RANK = { domain: 0, table: 1, view: 1, transform: 2, column: 3 };
  var LIMIT = 40;
  function score(entry, words) {
    var name = entry.name.toLowerCase();
    var text = (entry.where + " " + entry.description).toLowerCase();
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (name === w) total += 0;
      else if (name.indexOf(w) === 0) total += 1;
      else if (name.indexOf(w) >= 0) total += 2;
      else if (text.indexOf(w) >= 0) total += 4;
      else return -1;
    }
    return total * 10 + RANK[entry.kind];
  }
  function render() {
    var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
    list.textContent = "";
    if (words.length === 0) return;
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var s = score(index[i], words);
      if (s >= 0) hits.push({ s: s, e: index[i] });
    }
    hits.sort(function (a, b) { return a.s - b.s || a.e.name.localeCompare(b.e.name); });
    if (hits.length === 0) {
      var none = document.createElement("li");
      none.className = "none";
      none.textContent = "Nothing matches \\u201c" + input.value + "\\u201d";
      none.style.padding = "8px 12px";
      list.appendChild(none);
      return;
    }
    hits.slice(0, LIMIT).forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = hit.e.href;
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = hit.e.kind;
      var name = document.createElement("strong");
      name.textContent = hit.e.name;
      var where = document.createElement("span");
      where.className = "muted";
      where.textContent = hit.e.kind === "domain" ? "" : " in " + hit.e.where;
      var hint = document.createElement("span");
      hint.className = "hint";
      hint.textContent = hit.e.description;
      a.append(kind, name, where, hint);
      li.appendChild(a);
      list.appendChild(li);
    });
  }
  input.addEventListener("input", render);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var first = list.querySelector("a");
      if (first) window.location.href = first.href;
    } else if (event.key === "Escape") {
      input.value = "";
      render();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && document.activeElement !== input) {
      event.preventDefault();
      input.focus();
    }
  });
})();
`;
