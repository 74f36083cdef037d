/**
 * A view file holds exactly one query. This finds it, or reports what the file holds instead:
 * nothing, several statements, a CREATE VIEW wrapper or another kind of statement.
 */
import * as P from "../parse/trino-grammar.ts";
import { messages } from "../messages.ts";
import { isToken, type ParseTree } from "../parse/tree.ts";
import type { Analysis } from "./analysis.ts";

/** Leading keywords of a statement (`CREATE OR REPLACE VIEW`, `INSERT INTO`), at most `limit`. */
function leadingKeywords(statement: P.StatementContext, limit: number): string {
  const words: string[] = [];
  for (const child of (statement.children ?? []) as ParseTree[]) {
    if (!isToken(child) || words.length >= limit || !/^[a-z_]+$/i.test(child.getText())) break;
    words.push(child.getText().toUpperCase());
  }
  return words.join(" ");
}

export function viewQuery(tree: P.ProgramContext | null, analysis: Analysis): P.QueryContext | undefined {
  const statements = tree?.statements() ?? [];
  const first = statements[0];
  if (first === undefined) {
    analysis.reportAt({ line: 1, column: 1 }, messages.emptyFile());
    return undefined;
  }
  if (statements.length > 1) analysis.report(statements[1], messages.tooManyStatements(statements.length));
  const statement = first.singleStatement().statement();
  if (statement instanceof P.StatementDefaultContext) return statement.rootQuery().query();
  if (
    statement instanceof P.CreateViewContext ||
    statement instanceof P.CreateMaterializedViewContext ||
    statement instanceof P.CreateTableAsSelectContext
  ) {
    analysis.report(statement, messages.createStatement(leadingKeywords(statement, 6).replace(/ (IF|NOT|EXISTS)\b/g, "")));
    return undefined;
  }
  analysis.report(statement, messages.notAQuery(leadingKeywords(statement, 2)));
  return undefined;
}
