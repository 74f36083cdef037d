/**
 * One Trino parser for the whole process. dt-sql-parser keeps the tree of its last parse, so a view is lexed
 * and parsed exactly once: syntax errors and the tree come from the same run. Before that, the source scan
 * finds unclosed quotes and parentheses, and the grammar workarounds blank the two keywords the grammar
 * misreads (see grammar-workarounds.ts).
 */
// The Trino dialect alone: the package root loads all seven grammars, about eight times the start-up cost.
import { TrinoSQL } from "dt-sql-parser/dist/parser/trino/index.js";
import type { ProgramContext } from "dt-sql-parser/dist/lib/trino/TrinoSqlParser.js";
import { messages } from "../messages.ts";
import type { SqlProblem } from "../result.ts";
import { applyWorkarounds, NO_WORKAROUNDS, type GrammarWorkarounds } from "./grammar-workarounds.ts";
import { offsetAt, openParenthesisAt, scanSource } from "./source-scan.ts";
import { explainSyntaxError, scanProblemMessage, type RawSyntaxError } from "./syntax-hints.ts";
import type { Token } from "./tree.ts";

export interface ParsedSql {
  readonly tree: ProgramContext | null;
  /** At most one: the first syntax error, explained. */
  readonly errors: SqlProblem[];
  readonly workarounds: GrammarWorkarounds;
}

interface RawError {
  readonly startLine: number;
  readonly startColumn: number;
  readonly message: string;
  readonly unreadable?: string;
}

/** dt-sql-parser's cached parse, which its typings keep private. */
interface CachedParse {
  parseWithCache(input: string): ProgramContext;
  readonly _parseErrors: readonly RawError[];
  readonly _tokenStream?: { getTokens(): Token[] };
}

/**
 * Collects ANTLR's syntax errors as they are. dt-sql-parser's own listener computes "expecting ..." lists with
 * code completion, which re-parses the input with a second parser (printing to the console) on every error;
 * the first error's position is all the hints need.
 */
class PlainErrorListener {
  constructor(private readonly collect: (error: RawError) => void) {}
  syntaxError(_recognizer: unknown, offending: { text?: string | null; type?: number } | null, line: number, column: number, message: string): void {
    if (offending === null || offending === undefined) {
      // The lexer: "token recognition error at: '$'".
      const unreadable = /at: '(.*)'$/s.exec(message)?.[1]?.charAt(0) ?? "?";
      this.collect({ startLine: line, startColumn: column + 1, message, unreadable });
      return;
    }
    const reworded = offending.type === -1 ? "statement is incomplete" : `'${offending.text ?? ""}' is not valid at this position`;
    this.collect({ startLine: line, startColumn: column + 1, message: reworded });
  }
  reportAmbiguity(): void {}
  reportAttemptingFullContext(): void {}
  reportContextSensitivity(): void {}
}

class SingleParse extends TrinoSQL {
  override createErrorListener(...[collect]: Parameters<TrinoSQL["createErrorListener"]>): ReturnType<TrinoSQL["createErrorListener"]> {
    return new PlainErrorListener(collect as unknown as (error: RawError) => void) as unknown as ReturnType<TrinoSQL["createErrorListener"]>;
  }

  run(text: string): { tree: ProgramContext | null; errors: RawSyntaxError[]; tokens: Token[] } {
    // parseWithCache, not validate: validate re-parses every ";"-separated piece after an error, and only the
    // first error is reported anyway.
    const cached = this as unknown as CachedParse;
    const tree = cached.parseWithCache(text);
    const errors = cached._parseErrors.map((e) => ({ line: e.startLine, column: e.startColumn, message: cleanMessage(e.message), unreadable: e.unreadable }));
    const tokens = errors.length === 0 ? [] : (cached._tokenStream?.getTokens() ?? []).filter((t) => t.channel === 0 && t.type !== -1);
    return { tree, errors, tokens };
  }
}

let parser: SingleParse | undefined;

/** Parses a SQL text into its tree and at most one syntax error (1-based positions). */
export function parseSql(sql: string): ParsedSql {
  parser ??= new SingleParse();
  const scan = scanSource(sql);
  if (scan.problem?.kind === "too-deep") return { tree: null, errors: [scanProblemMessage(scan.problem)], workarounds: NO_WORKAROUNDS };
  const { text, workarounds } = scan.problem === undefined ? applyWorkarounds(sql, scan.code) : { text: sql, workarounds: NO_WORKAROUNDS };
  let result: ReturnType<SingleParse["run"]>;
  try {
    result = parser.run(text);
  } catch (error) {
    // The grammar recurses once per nesting level: thousands of nested parentheses overflow the stack.
    if (error instanceof RangeError) return { tree: null, errors: [{ line: 1, column: 1, message: messages.syntax.tooDeep() }], workarounds };
    throw error;
  }
  if (result.errors.length === 0) return { tree: result.tree, errors: [], workarounds };
  // A character the lexer cannot read ("$", "`") is the cause of whatever the parser reports after it.
  const first = result.errors.find((e) => e.unreadable !== undefined) ?? [...result.errors].sort((a, b) => a.line - b.line || a.column - b.column)[0]!;
  let problem = scan.problem;
  if (problem?.kind === "unclosed-parenthesis") {
    const open = openParenthesisAt(scan, sql, offsetAt(sql, first.line, first.column));
    if (open !== undefined) problem = { kind: "unclosed-parenthesis", at: open };
  }
  const error = problem !== undefined ? scanProblemMessage(problem) : explainSyntaxError(first, result.tokens);
  return { tree: result.tree, errors: [error], workarounds };
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
