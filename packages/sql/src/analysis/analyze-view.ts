/** `analyzeView`: parse once, check the statement, walk the query, then tidy what was collected. */
import type { Catalog } from "../catalog.ts";
import { messages } from "../messages.ts";
import { identifierProblems } from "../parse/identifier-checks.ts";
import { parseSql } from "../parse/parser.ts";
import type { Position } from "../parse/tree.ts";
import type { ColumnUse, OutputColumn, PassThrough, RelationReference, ViewAnalysis } from "../result.ts";
import { UNKNOWN_TYPE } from "../types/type-coercion.ts";
import { Analysis } from "./analysis.ts";
import { analyzeQuery, type QueryResult } from "./query.ts";
import { Scope } from "./scope.ts";
import { viewQuery } from "./statement.ts";

export interface AnalyzeViewOptions {
  /** Database of unqualified table names: the domain owning the view. */
  readonly defaultDatabase: string;
  readonly catalog: Catalog;
}

export function analyzeView(sql: string, options: AnalyzeViewOptions): ViewAnalysis {
  const { tree, errors: syntaxErrors, workarounds } = parseSql(sql);
  const errors = syntaxErrors.length > 0 ? syntaxErrors : identifierProblems(sql, tree);
  if (errors.length > 0) return { problems: byPosition(errors), references: [], outputColumns: [], columnsRead: [], passThrough: [] };
  const analysis = new Analysis(sql, options.defaultDatabase.toLowerCase(), options.catalog, workarounds);
  const query = viewQuery(tree, analysis);
  const result = query === undefined ? undefined : analyzeQuery(query, new Scope(undefined, new Map()), analysis);
  const outputColumns = result === undefined ? [] : viewColumns(result, analysis);
  return {
    problems: byPosition(analysis.problems),
    references: unique(byPosition(analysis.references), (r) => `${r.database}.${r.name}`.toLowerCase()).map(
      ({ database, name, line, column }): RelationReference => ({ database, name, line, column }),
    ),
    outputColumns,
    columnsRead: unique(
      [...analysis.reads].sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column).map((r) => r.use),
      (u) => `${u.database}.${u.relation}.${u.column}`.toLowerCase(),
    ).map(({ database, relation, column }): ColumnUse => ({ database, relation, column })),
    ...(analysis.blocked.size > 0 ? { blockedBy: [...analysis.blocked].sort() } : {}),
    passThrough: unique(
      (result?.columns ?? []).flatMap((c) => (c.name === undefined ? [] : (c.passes ?? []).map((column): PassThrough => ({ output: c.name!, column: { ...column } })))),
      (p) => `${p.output}/${p.column.database}.${p.column.relation}.${p.column.column}`.toLowerCase(),
    ),
  };
}

/** The view's columns: every one needs a name, and a distinct one, because Glue stores them by name. */
function viewColumns(result: QueryResult, analysis: Analysis): OutputColumn[] {
  const seen = new Map<string, Position>();
  const reported = new Set<string>();
  const columns: OutputColumn[] = [];
  for (const column of result.columns) {
    const { line, column: col } = column.at;
    if (column.name === undefined) {
      // VALUES reports once for all its columns.
      const message = column.unnamed ?? messages.unnamedExpression("?");
      if (!reported.has(`${line}:${col}:${message}`)) analysis.reportAt(column.at, message);
      reported.add(`${line}:${col}:${message}`);
      continue;
    }
    const first = seen.get(column.name);
    if (first === undefined) seen.set(column.name, column.at);
    else analysis.reportAt(column.at, messages.duplicateOutput(column.name, first.line, first.column));
    const type = column.type === UNKNOWN_TYPE ? undefined : column.type;
    columns.push(type === undefined ? { name: column.name, line, column: col } : { name: column.name, type, line, column: col });
  }
  return columns;
}

function byPosition<T extends Position>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.line - b.line || a.column - b.column);
}

function unique<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && seen.add(key(item)) !== undefined);
}
