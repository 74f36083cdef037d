/**
 * Runs the analysis over the real-SQL corpus and prints what it reports: every problem on a real statement
 * (a false rejection), every untyped output column, and for each broken variant whether it was caught at its
 * expected place. A development aid; the corpus tests assert the same.
 * Run: packages/sql/node_modules/.bin/tsx packages/sql/scripts/run-corpus.ts [filter]
 */
import { analyzeView, canCoerce, createCatalog, normalizeTrinoType } from "../src/index.ts";
import { brokenStatements, corpusTables, realStatements } from "../test/corpus/corpus.ts";

const filter = process.argv[2] ?? "";
const catalog = createCatalog(
  corpusTables().map((t) => ({
    database: t.database,
    name: t.name,
    kind: "table" as const,
    columns: [...t.columns, ...t.partitionKeys].map((c) => ({ name: c.name, type: normalizeTrinoType(c.hiveType) })),
  })),
);
let rejected = 0;
let untyped = 0;
let mismatched = 0;
const start = performance.now();
for (const s of realStatements().filter((s) => s.file.includes(filter))) {
  const result = analyzeView(s.sql, { defaultDatabase: s.database, catalog });
  if (result.problems.length > 0) {
    rejected++;
    console.log(`REJECTED ${s.file}\n  ${result.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join("\n  ")}`);
    continue;
  }
  for (const [i, c] of result.outputColumns.entries()) {
    const declared = s.columns[i];
    if (c.type === undefined) {
      untyped++;
      console.log(`UNTYPED ${s.file} ${c.name}`);
    } else if (declared !== undefined && !canCoerce(c.type, normalizeTrinoType(declared.hiveType))) {
      mismatched++;
      console.log(`TYPE ${s.file} ${c.name}: inferred ${c.type}, declared ${declared.hiveType}`);
    }
  }
}
let caught = 0;
let misplaced = 0;
let missed = 0;
for (const s of brokenStatements().filter((s) => s.file.includes(filter))) {
  const result = analyzeView(s.sql, { defaultDatabase: s.database, catalog });
  const at = result.problems.find((p) => p.line === s.expect?.line && p.column === s.expect?.column);
  if (at) caught++;
  else if (result.problems.length > 0) misplaced++;
  else missed++;
  const mark = at ? "CAUGHT" : result.problems.length > 0 ? "ELSEWHERE" : "MISSED";
  console.log(`${mark} ${s.file} [${s.headers.class}] expect ${s.expect?.line}:${s.expect?.column}${result.problems.map((p) => `\n  ${p.line}:${p.column} ${p.message}`).join("")}`);
}
console.log(`\nreal: ${rejected} rejected, ${untyped} untyped columns, ${mismatched} type mismatches; broken: ${caught} caught, ${misplaced} elsewhere, ${missed} missed; ${(performance.now() - start).toFixed(0)} ms`);
