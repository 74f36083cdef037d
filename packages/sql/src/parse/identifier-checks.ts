/**
 * Identifiers the grammar accepts but Trino refuses: names starting with a digit (`123col`; Trino's parser says
 * "identifiers must not start with a digit") and backquoted names (Hive's quoting). dt-sql-parser parses both, so
 * they are found in the tree, only when the text could hold one.
 */
import { BackQuotedIdentifierContext, DigitIdentifierContext, type ProgramContext } from "./trino-grammar.ts";
import { messages } from "../messages.ts";
import type { SqlProblem } from "../result.ts";
import { isToken, positionOf, type ParseTree, type RuleNode } from "./tree.ts";

const MAYBE = /`|(^|[^\w."$'])\d+[A-Za-z_]/;

export function identifierProblems(sql: string, tree: ProgramContext | null): SqlProblem[] {
  if (tree === null || !MAYBE.test(sql)) return [];
  const problems: SqlProblem[] = [];
  const visit = (node: ParseTree): void => {
    if (isToken(node)) return;
    if (node instanceof DigitIdentifierContext) problems.push({ ...positionOf(node), message: messages.syntax.digitIdentifier(node.getText()) });
    else if (node instanceof BackQuotedIdentifierContext) problems.push({ ...positionOf(node), message: messages.syntax.backquote() });
    for (const child of (node as RuleNode).children ?? []) visit(child);
  };
  visit(tree);
  return problems.slice(0, 1);
}
