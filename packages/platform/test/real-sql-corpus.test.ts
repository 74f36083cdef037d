/**
 * The real-SQL corpus (packages/sql/test/corpus): Athena and Trino statements written by others, each declared
 * as a view over the tables it reads, must pass exactly as `baikal check` checks a view (the SQL analysis and the
 * declared columns); each broken variant must be caught at its place with its exact message.
 */
import { analyzeView, createCatalog, type Catalog } from "@baikal/sql";
import { describe, expect, it } from "vitest";
import { brokenStatements, corpusTables, realStatements, type CorpusStatement } from "../../sql/test/corpus/corpus.ts";
import { trinoTypeOf } from "../src/declarations/hive-type.ts";
import type { ViewDeclaration } from "../src/declarations/view.ts";
import { checkViewColumns } from "../src/views/column-check.ts";

const catalog: Catalog = createCatalog(
  corpusTables().map((t) => ({
    database: t.database,
    name: t.name,
    kind: "table" as const,
    columns: [...t.columns, ...t.partitionKeys].map((c) => ({ name: c.name, type: trinoTypeOf(c.hiveType) })),
  })),
);

/** What `baikal check` reports for the statement as a view declared with the statement's `-- columns:`. */
function check(statement: CorpusStatement): { line: number; column: number; message: string }[] {
  const analysis = analyzeView(statement.sql, { defaultDatabase: statement.database, catalog });
  if (analysis.problems.length > 0) return analysis.problems.map(({ line, column, message }) => ({ line, column, message }));
  const view = {
    name: "corpus_view",
    description: statement.file,
    columns: statement.columns.map((c) => ({ name: c.name, type: c.hiveType, description: c.name })),
  } as unknown as ViewDeclaration;
  const declared = checkViewColumns(analysis.outputColumns, { view, viewIndex: 0, domainFile: "domain.ts", sqlFile: statement.file });
  return declared.map((p) => ({ line: p.line ?? 0, column: p.column ?? 0, message: p.message }));
}

describe("the real-SQL corpus", () => {
  const real = realStatements();
  const broken = brokenStatements();

  it("holds at least 120 real statements and 60 broken variants", () => {
    expect(real.length).toBeGreaterThanOrEqual(120);
    expect(broken.length).toBeGreaterThanOrEqual(60);
  });

  it.each(real.map((s) => [s.file, s] as const))("accepts %s with every column typed as declared", (_file, statement) => {
    expect(check(statement)).toEqual([]);
    const analysis = analyzeView(statement.sql, { defaultDatabase: statement.database, catalog });
    expect(analysis.outputColumns.filter((c) => c.type === undefined).map((c) => c.name)).toEqual([]);
  });

  it.each(broken.map((s) => [`${s.file} (${s.headers.class})`, s] as const))("catches %s at its place, with its message", (_file, statement) => {
    expect(check(statement)).toEqual([{ line: statement.expect?.line, column: statement.expect?.column, message: statement.headers.message }]);
  });
});
