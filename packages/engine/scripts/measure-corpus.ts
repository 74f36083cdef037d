/**
 * How much of a corpus of real Athena views the offline engine runs, and why it refuses the rest.
 *
 *   pnpm --filter @baikal/engine measure-corpus $PWD/packages/sql/test/corpus [--json <file>]
 *
 * <corpus> holds `real/**\/*.sql` (header lines `-- source:`, `-- database:`, `-- columns: name hivetype, ...`, then
 * the SELECT) and `tables/<database>.json` (`{ database, tables: [{ name, columns: [[name, hiveType]],
 * partitionKeys: [[name, hiveType]] }] }`). Each view runs on empty tables (relations not given are empty), so
 * "runs" means translated, bound and executed by DuckDB with Trino's semantics; its output is cast to the
 * header's columns when it has them. Not a test: it prints figures (the README quotes them).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseHiveType } from "@baikal/platform/project";
import { type Column, type ColumnType, OfflineEngine, type Relation, translateTrino } from "../src/index.ts";
import { polyglot } from "../src/translate/polyglot.ts";
import { parseColumns } from "../../sql/test/corpus/corpus.ts";

interface TableFile {
  readonly database: string;
  readonly tables: readonly { readonly name: string; readonly columns: readonly [string, string][]; readonly partitionKeys?: readonly [string, string][] }[];
}

const [corpus, ...rest] = process.argv.slice(2);
if (!corpus) {
  console.error("usage: measure-corpus.ts <corpus directory with real/ and tables/> [--json <file>]");
  process.exit(2);
}
const jsonOut = rest[rest.indexOf("--json") + 1];

function hive(text: string): ColumnType {
  const parsed = parseHiveType(text);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.type as ColumnType;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path) : entry.endsWith(".sql") ? [path] : [];
  });
}

const tables: Relation[] = readdirSync(join(corpus, "tables"))
  .filter((f) => f.endsWith(".json"))
  .flatMap((f) => {
    const file = JSON.parse(readFileSync(join(corpus, "tables", f), "utf8")) as TableFile;
    return file.tables.map((t) => ({
      database: file.database,
      name: t.name.toLowerCase(),
      columns: [...t.columns, ...(t.partitionKeys ?? [])].map(([name, type]) => ({ name: name.toLowerCase(), type: hive(type) })),
      rows: [],
    }));
  });

interface Measured {
  readonly file: string;
  readonly outcome: "runs" | "refused" | "fails" | "unknown relation";
  readonly reasons: readonly string[];
  readonly translateMs: number;
  readonly runMs: number;
}

/** A refusal as a reason to count: the construct, without the parts that vary per view. */
function reason(construct: string): string {
  if (/Referenced column|Table with name/.test(construct)) return construct.replace(/^DuckDB cannot run the translation \(/, "").replace(/\)$/, "");
  return construct
    .replace(/^DuckDB cannot run the translation \((\w+ Error): (.{0,80}).*$/, "DuckDB $1: $2")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'");
}

const engine = await OfflineEngine.start();
await polyglot(); // translateTrino below is timed on its own, so the translator is loaded first
const measured: Measured[] = [];
for (const path of files(join(corpus, "real")).sort()) {
  const text = readFileSync(path, "utf8");
  const header = (name: string) => new RegExp(`^--\\s*${name}:\\s*(.*)$`, "m").exec(text)?.[1]?.trim();
  const database = header("database") ?? "default";
  const columnsText = header("columns");
  // The corpus's own reader of `-- columns:` (quoted names, nested types).
  const output: Column[] | undefined = columnsText === undefined ? undefined : parseColumns(columnsText).map((c) => ({ name: c.name, type: hive(c.hiveType) }));
  const sql = text.replace(/;\s*$/, "");
  const words = new Set((sql.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []));
  const relations = tables.filter((t) => words.has(t.name));
  const started = performance.now();
  translateTrino(sql);
  const translated = performance.now();
  // A fixed clock: views that read current_date run as a unit test that sets `now` would.
  const result = await engine.run({ sql, defaultDatabase: database, relations, output, now: "2024-05-01T09:00:00Z" });
  const ran = performance.now();
  const file = relative(corpus, path);
  const timing = { translateMs: translated - started, runMs: ran - translated };
  if (result.kind === "rows") measured.push({ file, outcome: "runs", reasons: [], ...timing });
  else if (result.kind === "failed") measured.push({ file, outcome: "fails", reasons: [result.message], ...timing });
  else {
    const reasons = [...new Set(result.refusals.map((r) => reason(r.construct)))];
    const unknown = reasons.some((r) => /Catalog Error: Table with name|Referenced column .* not found/.test(r));
    measured.push({ file, outcome: unknown ? "unknown relation" : "refused", reasons, ...timing });
  }
}

const count = (outcome: Measured["outcome"]) => measured.filter((m) => m.outcome === outcome).length;
const judged = measured.filter((m) => m.outcome !== "unknown relation");
console.log(`${measured.length} views in ${corpus}`);
console.log(`runs offline: ${count("runs")} of ${judged.length} (${((100 * count("runs")) / Math.max(1, judged.length)).toFixed(0)}%)`);
console.log(`refused: ${count("refused")}; fails on empty tables: ${count("fails")}; read a relation or column the corpus does not describe (not counted): ${count("unknown relation")}`);
const reasons = new Map<string, number>();
for (const m of measured.filter((m) => m.outcome === "refused" || m.outcome === "fails")) for (const r of m.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
console.log("reasons (views affected):");
for (const [r, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${r}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
console.log(`median per view: translation ${median(measured.map((m) => m.translateMs)).toFixed(1)} ms, run ${median(measured.map((m) => m.runMs)).toFixed(1)} ms`);
for (const m of measured) if (m.outcome !== "runs") console.log(`  ${m.outcome.padEnd(16)} ${m.file}: ${m.reasons.join("; ")}`);
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(measured, null, 2)}\n`);
