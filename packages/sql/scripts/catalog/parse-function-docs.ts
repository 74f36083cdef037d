/**
 * Reads Trino's function reference (MyST markdown): the topic pages `functions.md` lists, every
 * `:::{function} name(args) -> type` and `:::{data} name` directive on them, and the names `functions/list.md` indexes.
 */
import { DOCS_FOLDER, type TrinoSource } from "./trino-docs.ts";

export interface DocumentedSignature {
  /** Lower-case function name. */
  readonly name: string;
  /** The directive's text with whitespace collapsed: the overlay's key, e.g. "split_part(string, delimiter, index) -> varchar". */
  readonly text: string;
  /** Relative to the docs folder: "functions/string.md". */
  readonly page: string;
  /** The HTML anchor Sphinx gives the directive; none for `:noindex:` ones. */
  readonly anchor?: string;
  readonly directive: "function" | "data";
  readonly description?: string;
  /** The function the text calls this one an alias for ("This is an alias for {func}`ceiling`"). */
  readonly aliasOf?: string;
  readonly line: number;
}

export interface FunctionDocs {
  /** Topic pages in the order functions.md lists them: "functions/aggregate.md", ... */
  readonly topics: readonly string[];
  readonly signatures: readonly DocumentedSignature[];
  /** Lower-case names functions/list.md indexes (functions, special forms, table functions), with their link. */
  readonly index: ReadonlyMap<string, string>;
}

const OPENING = /^(:{3,})\{(function|js:function|data)\}\s*(.*)$/;

export function readFunctionDocs(source: TrinoSource): FunctionDocs {
  const topics = topicPages(source.readFile(`${DOCS_FOLDER}/functions.md`));
  const signatures = topics.flatMap((page) => parseDirectives(page, source.readFile(`${DOCS_FOLDER}/${page}`)));
  return { topics, signatures, index: parseIndex(source.readFile(`${DOCS_FOLDER}/functions/list.md`)) };
}

/** The "Functions per topic" toctree: `Aggregate <functions/aggregate>`. */
export function topicPages(functionsMd: string): string[] {
  const section = functionsMd.split(/^## /m).find((s) => s.startsWith("Functions per topic"));
  if (section === undefined) throw new Error("functions.md has no \"Functions per topic\" section");
  return [...section.matchAll(/<(functions\/[\w-]+)>/g)].map((m) => `${m[1]}.md`);
}

export function parseDirectives(page: string, text: string): DocumentedSignature[] {
  const lines = text.split("\n");
  const found: DocumentedSignature[] = [];
  for (let i = 0; i < lines.length; i++) {
    const opening = OPENING.exec(lines[i]!);
    if (opening === null) continue;
    const fence = opening[1]!;
    const signature = opening[3]!.replace(/\s+/g, " ").trim();
    const body: string[] = [];
    let end = i + 1;
    while (end < lines.length && lines[end]!.trim() !== fence) body.push(lines[end++]!);
    const options = body.filter((line) => /^:\w+:/.test(line));
    const spelling = /^[A-Za-z_][A-Za-z0-9_]*/.exec(signature)?.[0];
    if (spelling === undefined) throw new Error(`${page}:${i + 1}: cannot read a function name from "${signature}"`);
    const noindex = options.some((line) => line.startsWith(":noindex:"));
    const description = firstSentence(body.filter((line) => !/^:\w+:/.test(line)));
    const aliasOf = /alias for \{func\}`([A-Za-z_][A-Za-z0-9_]*)/i.exec(body.join(" "))?.[1]?.toLowerCase();
    found.push({
      name: spelling.toLowerCase(),
      text: signature,
      page,
      ...(noindex ? {} : { anchor: spelling }),
      directive: opening[2] === "data" ? "data" : "function",
      ...(description === undefined ? {} : { description }),
      ...(aliasOf === undefined ? {} : { aliasOf }),
      line: i + 1,
    });
    i = end;
  }
  return found;
}

/** MyST roles and links as plain text: {func}`abs` -> abs(), [text](target) -> text, `code` -> code. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\{func\}`([^`]+)`/g, (_, name: string) => (name.endsWith(")") ? name : `${name}()`))
    .replace(/\{(?:ref|doc)\}`([^`<]+?)\s*<[^>]+>`/g, "$1")
    .replace(/\{[a-z:]+\}`([^`]+)`/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, (_, label: string) => label)
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\*\*?([^*]+)\*\*?/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** The first sentence of the first paragraph, skipping nested notes and warnings. */
function firstSentence(body: readonly string[]): string | undefined {
  const paragraph: string[] = [];
  let nested: string | undefined;
  for (const line of body) {
    const trimmed = line.trim();
    if (nested !== undefined) {
      if (trimmed === nested) nested = undefined;
      continue;
    }
    const opening = /^(:{3,}|`{3,})/.exec(trimmed)?.[1];
    if (opening !== undefined) {
      if (paragraph.length > 0) break;
      nested = opening;
      continue;
    }
    if (trimmed === "") {
      if (paragraph.length > 0) break;
      continue;
    }
    paragraph.push(line);
  }
  if (paragraph.length === 0) return undefined;
  const text = plainText(paragraph.join(" "));
  // A sentence ends at ". " or the end; "i.e." and "e.g." do not end one. A colon introducing an example ends it too.
  const match = /^(.*?[.!?])(?=\s|$)/.exec(text.replace(/\b(i\.e|e\.g)\./g, "$1\u0000"));
  return (match?.[1] ?? text).replace(/\u0000/g, ".").replace(/:$/, ".");
}

/** Lower-case identifiers of list.md (`{func}`abs``, `[coalesce](...)`, `` `objectid` ``); operators are left out. */
export function parseIndex(listMd: string): Map<string, string> {
  const index = new Map<string, string>();
  for (const line of listMd.split("\n")) {
    const item = /^- (.*)$/.exec(line.trim())?.[1];
    if (item === undefined) continue;
    const role = /^\{(?:func|data)\}`([^`]+)`/.exec(item);
    const link = /^\[([^\]]+)\]\(([^)]*)\)/.exec(item);
    const code = /^`([^`]+)`/.exec(item);
    const label = (role?.[1] ?? link?.[1] ?? code?.[1] ?? "").replace(/\(\)$/, "");
    // Keywords and operators are spelled in capitals (AND, CASE, AT TIME ZONE) or are symbols.
    if (!/^[a-z_][a-z0-9_]*$/i.test(label) || (role === null && label === label.toUpperCase())) continue;
    index.set(label.toLowerCase(), link?.[2] ?? label);
  }
  return index;
}
