/**
 * Loads the corpus of real-world Athena/Trino SELECT statements (real/), their broken variants (broken/) and the
 * tables they read (tables/). See README.md beside this file. Positions in `sql` match the files: the header
 * comment lines are kept, so `expect` (1-based, counted over the whole file) can be compared with what the
 * analysis reports for `sql` as it is.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const CORPUS_DIR = fileURLToPath(new URL(".", import.meta.url));

/** The mistake classes of issue 13 that every broken variant names in its `-- class:` line. */
export const BROKEN_CLASSES = [
  "unknown-function",
  "foreign-function",
  "arity",
  "argument-type",
  "operator-types",
  "group-by",
  "group-by-ordinal",
  "having",
  "nested-aggregate",
  "window-in-where",
  "aggregate-in-where",
  "order-by-ordinal",
  "return-type",
  "unknown-column",
  "unknown-table",
  "ambiguous-column",
  "set-operation",
  "syntax-missing-comma",
  "syntax-typo-keyword",
  "syntax-unbalanced-parenthesis",
  "syntax-stray-quote",
  "unsupported",
  "name-needs-quotes",
] as const;
export type BrokenClass = (typeof BROKEN_CLASSES)[number];

export interface CorpusColumn {
  readonly name: string;
  /** As Glue stores it: `string`, `bigint`, `decimal(38,2)`, `array<struct<a:int>>`, ... */
  readonly hiveType: string;
}

export interface CorpusStatement {
  /** Path relative to the corpus folder, e.g. `real/waf/top_blocked_ips.sql`. */
  readonly file: string;
  /** real/: the URL the statement was taken from; broken/: the real file it is a variant of (`real/...`). */
  readonly source: string;
  /** Database of unqualified table names (the view's own database). */
  readonly database: string;
  /** The view's columns as a user would declare them, in SELECT order. */
  readonly columns: readonly CorpusColumn[];
  /** The whole file, header comments included. */
  readonly sql: string;
  /** Header lines by key (`source`, `author`, `adapted`, `variant-of`, ...), raw. */
  readonly headers: Readonly<Record<string, string>>;
  /** broken/ only: where the analysis should report the mistake. */
  readonly expect?: { readonly line: number; readonly column: number };
  readonly class?: BrokenClass;
  readonly mistake?: string;
}

export interface CorpusTable {
  readonly database: string;
  readonly name: string;
  readonly source: string;
  readonly columns: readonly CorpusColumn[];
  readonly partitionKeys: readonly CorpusColumn[];
}

const HEADER = /^-- ([a-z-]+): ?(.*)$/;

/** The leading `-- key: value` comment lines of a corpus file. */
export function headersOf(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const match = HEADER.exec(line);
    if (!match) break;
    headers[match[1]!] = match[2]!.trim();
  }
  return headers;
}

/** Splits on commas outside `<...>` and `(...)`, so `map<string,int>` and `decimal(38,2)` stay whole. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "<" || ch === "(") depth++;
    if (ch === ">" || ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim() !== "") parts.push(current.trim());
  return parts;
}

/** `name type` pairs; a name with spaces is written in double quotes: `"username with password modified" string`. */
export function parseColumns(text: string): CorpusColumn[] {
  return splitTopLevel(text).map((item) => {
    const quoted = /^"([^"]+)"\s+(.+)$/.exec(item);
    if (quoted) return { name: quoted[1]!, hiveType: quoted[2]!.trim() };
    const space = item.indexOf(" ");
    if (space <= 0) throw new Error(`column "${item}" is not "name type"`);
    return { name: item.slice(0, space), hiveType: item.slice(space + 1).trim() };
  });
}

function sqlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sqlFiles(path);
      return name.endsWith(".sql") ? [path] : [];
    });
}

function load(folder: "real" | "broken"): CorpusStatement[] {
  return sqlFiles(join(CORPUS_DIR, folder)).map((path) => {
    const sql = readFileSync(path, "utf8");
    const headers = headersOf(sql);
    const expect = /^(\d+):(\d+)$/.exec(headers["expect"] ?? "");
    return {
      file: relative(CORPUS_DIR, path),
      source: (folder === "real" ? headers["source"] : headers["variant-of"]) ?? "",
      database: headers["database"] ?? "",
      columns: headers["columns"] === undefined ? [] : parseColumns(headers["columns"]),
      sql,
      headers,
      ...(expect ? { expect: { line: Number(expect[1]), column: Number(expect[2]) } } : {}),
      ...(headers["class"] === undefined ? {} : { class: headers["class"] as BrokenClass }),
      ...(headers["mistake"] === undefined ? {} : { mistake: headers["mistake"] }),
    };
  });
}

export function realStatements(): CorpusStatement[] {
  return load("real");
}

export function brokenStatements(): CorpusStatement[] {
  return load("broken");
}

interface TablesFile {
  readonly database: string;
  readonly source: string;
  readonly tables: readonly {
    readonly name: string;
    readonly source?: string;
    readonly columns: readonly (readonly [string, string])[];
    readonly partitionKeys?: readonly (readonly [string, string])[];
  }[];
}

const asColumns = (pairs: readonly (readonly [string, string])[]): CorpusColumn[] =>
  pairs.map(([name, hiveType]) => ({ name, hiveType }));

/** Every table of tables/*.json, with its database. */
export function corpusTables(): CorpusTable[] {
  const dir = join(CORPUS_DIR, "tables");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .flatMap((name) => {
      const file = JSON.parse(readFileSync(join(dir, name), "utf8")) as TablesFile;
      return file.tables.map((table) => ({
        database: file.database,
        name: table.name,
        source: table.source ?? file.source,
        columns: asColumns(table.columns),
        partitionKeys: asColumns(table.partitionKeys ?? []),
      }));
    });
}
