/**
 * Names for the ANTLR tree types, taken from the generated contexts so that they always match the runtime the
 * parser was generated for.
 */
import type { IdentifierContext, ProgramContext } from "./trino-grammar.ts";
import {
  BackQuotedIdentifierContext,
  QuotedIdentifierContext,
} from "./trino-grammar.ts";

export type RuleNode = NonNullable<ProgramContext["parent"]>;
export type Token = NonNullable<ProgramContext["start"]>;
export type ParseTree = NonNullable<ProgramContext["children"]>[number];

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** 1-based line and column of a node's first token. */
export function positionOf(node: RuleNode | Token | null | undefined): Position {
  const token = node === null || node === undefined ? undefined : "line" in node ? node : node.start;
  return { line: token?.line ?? 1, column: (token?.column ?? 0) + 1 };
}

/** The node's source text as written (comments and spacing kept), from its first to its last token. */
export function sourceText(sql: string, node: RuleNode): string {
  const start = node.start?.start ?? 0;
  const stop = node.stop?.stop ?? start - 1;
  return sql.slice(start, stop + 1);
}

/** Source text on one line, shortened for messages. */
export function shortText(sql: string, node: RuleNode, limit = 60): string {
  const text = sourceText(sql, node).replace(/\s+/g, " ").trim();
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/**
 * An identifier as Athena sees it: unquoted names fold to lower case; quoted ones lose their quotes
 * (Glue stores lower case names, so they are folded too for matching).
 */
export function identifierName(node: IdentifierContext): string {
  const text = node.getText();
  if (node instanceof QuotedIdentifierContext) return text.slice(1, -1).replaceAll('""', '"').toLowerCase();
  if (node instanceof BackQuotedIdentifierContext) return text.slice(1, -1).replaceAll("``", "`").toLowerCase();
  return text.toLowerCase();
}

/** Whether a child of the tree is a token rather than a rule. */
export function isToken(node: ParseTree): boolean {
  return "symbol" in node;
}
