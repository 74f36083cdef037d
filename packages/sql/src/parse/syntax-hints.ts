/**
 * One syntax error per mistake, said the way a person would fix it. The grammar only knows where it got
 * stuck ("'t' is not valid at this position"); the usual causes are a few: an unclosed quote or parenthesis
 * (found by the source scan), a reserved word used as a name, a misspelt keyword, a missing or extra comma.
 */
import { closest } from "../suggest.ts";
import { messages } from "../messages.ts";
import type { SqlProblem } from "../result.ts";
import { CLAUSE_KEYWORDS, reservedWords } from "./keywords.ts";
import type { ScanProblem } from "./source-scan.ts";
import type { Token } from "./tree.ts";

export interface RawSyntaxError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Reserved words that start or join clauses: after a "," they mean a dangling comma, never a name. */
const CLAUSE_WORDS = new Set(["FROM", "WHERE", "GROUP", "ORDER", "HAVING", "UNION", "EXCEPT", "INTERSECT", "JOIN", "ON", "USING", "WITH", "SELECT"]);

export function scanProblemMessage(problem: ScanProblem): SqlProblem {
  return { ...problem.at, message: messages.syntax[problem.kind]() };
}

/** The first syntax error, reworded with its most likely cause. `tokens` are the visible tokens of the text. */
export function explainSyntaxError(error: RawSyntaxError, tokens: readonly Token[]): SqlProblem {
  const index = tokens.findIndex((t) => t.line === error.line && t.column + 1 === error.column);
  const token = tokens[index];
  const previous = index > 0 ? tokens[index - 1] : undefined;
  const next = tokens[index + 1];
  const text = token?.text ?? "";
  const upper = text.toUpperCase();
  const at = { line: error.line, column: error.column };

  if (token !== undefined && previous?.text === "," && CLAUSE_WORDS.has(upper)) {
    return { line: previous.line, column: previous.column + 1, message: messages.syntax.trailingComma(upper) };
  }
  if (token !== undefined && reservedWords().has(upper) && !CLAUSE_WORDS.has(upper) && !isClauseUse(upper, next)) {
    return { ...at, message: messages.syntax.reservedWord(text) };
  }
  const misspelt = previous === undefined ? undefined : keywordTypo(previous);
  if (previous !== undefined && misspelt !== undefined) {
    return { line: previous.line, column: previous.column + 1, message: messages.syntax.misspeltKeyword(previous.text ?? "", misspelt) };
  }
  const own = keywordTypo(token);
  if (token !== undefined && own !== undefined && index <= 1) {
    return { ...at, message: messages.syntax.misspeltKeyword(text, own) };
  }
  if (token !== undefined && previous !== undefined && isName(previous) && startsExpression(token) && isName(tokens[index - 2])) {
    return { ...at, message: messages.syntax.missingComma(previous.text ?? "", text) };
  }
  return { ...at, message: messages.syntax.generic(error.message) };
}

/** GROUP BY, ORDER BY: a reserved word used as the keyword it is, not as a name. */
function isClauseUse(word: string, next: Token | undefined): boolean {
  return (word === "GROUP" || word === "ORDER") && next?.text?.toUpperCase() === "BY";
}

function isName(token: Token | undefined): boolean {
  const text = token?.text ?? "";
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) && !reservedWords().has(text.toUpperCase());
}

function startsExpression(token: Token): boolean {
  const text = token.text ?? "";
  return isName(token) || /^['"0-9(]/.test(text);
}

/** A word that is not a keyword but one letter or two away from a clause keyword ("FORM", "WHER", "GROPU"). */
function keywordTypo(token: Token | undefined): string | undefined {
  const text = token?.text ?? "";
  if (!/^[A-Za-z]{4,}$/.test(text)) return undefined;
  const upper = text.toUpperCase();
  if ((CLAUSE_KEYWORDS as readonly string[]).includes(upper)) return undefined;
  const match = closest(upper, CLAUSE_KEYWORDS);
  return match !== undefined && match.length >= 4 ? match : undefined;
}
