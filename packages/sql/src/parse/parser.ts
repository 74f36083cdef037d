/**
 * One Trino parser for the whole process. dt-sql-parser keeps the tree of its last `validate` call, so a
 * view is lexed and parsed exactly once: syntax errors and the tree come from the same run.
 */
// The Trino dialect alone: the package root loads all seven grammars, about eight times the start-up cost.
import { TrinoSQL } from "dt-sql-parser/dist/parser/trino/index.js";
import type { ProgramContext } from "dt-sql-parser/dist/lib/trino/TrinoSqlParser.js";
import type { SqlProblem } from "../result.ts";

class SingleParse extends TrinoSQL {
  run(sql: string): { tree: ProgramContext | null; errors: SqlProblem[] } {
    const errors = this.validate(sql).map((e) => ({
      line: e.startLine,
      column: e.startColumn,
      message: `syntax error: ${cleanMessage(e.message)}`,
    }));
    return { tree: this._parseTree, errors };
  }
}

let parser: SingleParse | undefined;

/** Parses a SQL text into its tree and its syntax errors (1-based positions). */
export function parseSql(sql: string): { tree: ProgramContext | null; errors: SqlProblem[] } {
  parser ??= new SingleParse();
  return parser.run(sql);
}

/**
 * dt-sql-parser's messages, reworded for people writing views: sentence case folded, ANTLR's
 * predicate jargon replaced, a hint for the incomplete statement.
 */
export function cleanMessage(message: string): string {
  const text = message.replace(/\s+/g, " ").trim();
  if (/^statement is incomplete$/i.test(text)) return "the statement is incomplete; something is missing at the end";
  if (/failed predicate/.test(text)) return "unexpected text here (an unclosed quote or a stray character?)";
  const withoutExisting = text.replace(/^'(.*)' is not valid at this position/, '"$1" is not valid here');
  return withoutExisting.charAt(0).toLowerCase() + withoutExisting.slice(1);
}
