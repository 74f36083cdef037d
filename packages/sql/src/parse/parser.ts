/**
 * Lexes and parses one SQL text with the Trino grammar (see trino-grammar.ts), in ANTLR's SLL prediction mode as
 * dt-sql-parser does: syntax errors and the tree come from the same run. Before that, the source scan finds
 * unclosed quotes and parentheses, and the grammar workarounds blank the two keywords the grammar misreads
 * (see grammar-workarounds.ts). Parsers share the grammar's prediction cache (its DFA), which the first parses of
 * a process fill; prediction-cache.ts saves it between processes.
 */
import { BaseErrorListener, CharStream, CommonTokenStream, ParserATNSimulator, PredictionContextCache, PredictionMode, type ATNSimulator, type DFA, type Recognizer } from "antlr4ng";
import { messages } from "../messages.ts";
import type { SqlProblem } from "../result.ts";
import { applyWorkarounds, NO_WORKAROUNDS, type GrammarWorkarounds } from "./grammar-workarounds.ts";
import { usePredictionCache } from "./prediction-cache.ts";
import { offsetAt, openParenthesisAt, scanSource } from "./source-scan.ts";
import { explainSyntaxError, scanProblemMessage, type RawSyntaxError } from "./syntax-hints.ts";
import { TrinoSqlLexer, TrinoSqlParser, type ProgramContext } from "./trino-grammar.ts";
import type { Token } from "./tree.ts";

export interface ParsedSql {
  readonly tree: ProgramContext | null;
  /** At most one: the first syntax error, explained. */
  readonly errors: SqlProblem[];
  readonly workarounds: GrammarWorkarounds;
}

/**
 * Collects ANTLR's syntax errors with the offending token, not ANTLR's wording: the hints need the first error's
 * position and token only. (dt-sql-parser's own listener computed "expecting ..." lists by re-parsing the input
 * with a second parser on every error.)
 */
class PlainErrorListener extends BaseErrorListener {
  readonly errors: RawSyntaxError[] = [];

  override syntaxError<S extends Token, T extends ATNSimulator>(_recognizer: Recognizer<T>, offending: S | null, line: number, column: number, message: string): void {
    if (offending === null) {
      // The lexer: "token recognition error at: '$'".
      const unreadable = /at: '(.*)'$/s.exec(message)?.[1]?.charAt(0) ?? "?";
      this.errors.push({ line, column: column + 1, message: cleanMessage(message), unreadable });
      return;
    }
    const reworded = parserMessage(offending, message);
    this.errors.push({ line, column: column + 1, message: cleanMessage(reworded) });
  }
}

/**
 * What the parser's error says, before cleanMessage: the offending token, not ANTLR's "expecting {...}" lists;
 * but ANTLR's single-token insertion names exactly what is missing ("missing 'BY' at 'dt'"), so that is kept.
 */
export function parserMessage(offending: { readonly type?: number; readonly text?: string | null }, message: string): string {
  if (offending.type === -1) return "statement is incomplete";
  const missing = /^missing (.+) at '(.*)'$/s.exec(message);
  if (missing !== null) return `${missing[1]!.replace(/'/g, '"')} is missing before "${missing[2]}"`;
  return `'${offending.text ?? ""}' is not valid at this position`;
}

/**
 * One run of the lexer and parser over `text`: the tree, ANTLR's errors as they come, and the tokens when it
 * failed. `dfas` replaces the prediction cache all parsers share (tests compare fresh and restored ones).
 */
export function lexAndParse(text: string, dfas?: DFA[]): { tree: ProgramContext; errors: RawSyntaxError[]; tokens: Token[] } {
  const listener = new PlainErrorListener();
  const lexer = new TrinoSqlLexer(CharStream.fromString(text));
  lexer.removeErrorListeners();
  lexer.addErrorListener(listener);
  const stream = new CommonTokenStream(lexer);
  stream.fill();
  const parser = new TrinoSqlParser(stream);
  if (dfas !== undefined) parser.interpreter = new ParserATNSimulator(parser, TrinoSqlParser._ATN, dfas, new PredictionContextCache());
  parser.interpreter.predictionMode = PredictionMode.SLL;
  parser.removeErrorListeners();
  parser.addErrorListener(listener);
  const tree = parser.program();
  const tokens = listener.errors.length === 0 ? [] : stream.getTokens().filter((t) => t.channel === 0 && t.type !== -1);
  return { tree, errors: listener.errors, tokens };
}

/** Parses a SQL text into its tree and at most one syntax error (1-based positions). */
export function parseSql(sql: string): ParsedSql {
  usePredictionCache();
  const scan = scanSource(sql);
  if (scan.problem?.kind === "too-deep") return { tree: null, errors: [scanProblemMessage(scan.problem)], workarounds: NO_WORKAROUNDS };
  const { text, workarounds } = scan.problem === undefined ? applyWorkarounds(sql, scan.code) : { text: sql, workarounds: NO_WORKAROUNDS };
  let result: ReturnType<typeof lexAndParse>;
  try {
    result = lexAndParse(text);
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
 * ANTLR's messages, reworded for people writing views: sentence case folded, ANTLR's
 * predicate jargon replaced, a hint for the incomplete statement.
 */
export function cleanMessage(message: string): string {
  const text = message.replace(/\s+/g, " ").trim();
  if (/^statement is incomplete$/i.test(text)) return "the statement is incomplete; something is missing at the end";
  if (/failed predicate/.test(text)) return "unexpected text here (an unclosed quote or a stray character?)";
  const withoutExisting = text.replace(/^'(.*)' is not valid at this position/, '"$1" is not valid here');
  return withoutExisting.charAt(0).toLowerCase() + withoutExisting.slice(1);
}
