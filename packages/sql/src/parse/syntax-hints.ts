/**
 * One syntax error per mistake, said the way a person would fix it. The grammar only knows where it got
 * stuck ("'t' is not valid at this position"); the usual causes are a few: an unclosed quote or parenthesis
 * (found by the source scan), a reserved word used as a name, a misspelt keyword, a missing or extra comma,
 * or syntax from another SQL dialect (Hive's LATERAL VIEW, Snowflake's QUALIFY, `$path` without quotes).
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
  /** For lexer errors: the character the lexer could not read. */
  readonly unreadable?: string;
}

/** Reserved words that start or join clauses: after a "," they mean a dangling comma, never a name. */
const CLAUSE_WORDS = new Set(["FROM", "WHERE", "GROUP", "ORDER", "HAVING", "UNION", "EXCEPT", "INTERSECT", "JOIN", "ON", "USING", "WITH", "SELECT"]);
/** Tokens around a name: a reserved word between them is meant as a name. */
const BEFORE_NAME = new Set(["(", ",", ".", "SELECT", "BY", "AS"]);
const AFTER_NAME = new Set([")", ",", ".", "AS", "FROM", "=", "<>", "<", ">", "<=", ">=", "+", "-", "*", "/", "||"]);
/** Other dialects' syntax, recognised by the words that start it. */
const FOREIGN_SYNTAX: readonly { readonly words: readonly string[]; readonly message: () => string }[] = [
  { words: ["LATERAL", "VIEW"], message: messages.syntax.lateralView },
  { words: ["QUALIFY"], message: messages.syntax.qualify },
  { words: ["TOP"], message: messages.syntax.top },
  { words: ["ILIKE"], message: messages.syntax.ilike },
];

export function scanProblemMessage(problem: ScanProblem): SqlProblem {
  return { ...problem.at, message: messages.syntax[problem.kind]() };
}

const upper = (token: Token | undefined) => token?.text?.toUpperCase() ?? "";
const at = (token: Token) => ({ line: token.line, column: token.column + 1 });

/** The first syntax error, reworded with its most likely cause. `tokens` are the visible tokens of the text. */
export function explainSyntaxError(error: RawSyntaxError, tokens: readonly Token[]): SqlProblem {
  const place = { line: error.line, column: error.column };
  if (error.unreadable !== undefined) return { ...place, message: unreadableMessage(error.unreadable) };
  let index = tokens.findIndex((t) => t.line === error.line && t.column + 1 === error.column);
  if (index === -1) index = tokens.length;
  const token = tokens[index];
  const previous = tokens[index - 1];
  const text = token?.text ?? "";

  const foreign = foreignSyntax(tokens, index);
  if (foreign !== undefined) return foreign;
  const dollar = tokens.find((t, i) => t.text === "$" && isName(tokens[i + 1]) && tokens[i + 1]!.start === t.stop + 1);
  if (dollar !== undefined) return { ...at(dollar), message: messages.syntax.dollarName() };
  if (token !== undefined && previous?.text === "," && CLAUSE_WORDS.has(upper(token))) {
    return { ...at(previous), message: messages.syntax.trailingComma(upper(token)) };
  }
  const reserved = reservedAsName(tokens, Math.max(0, index - 1));
  if (reserved !== undefined) return { ...at(reserved), message: messages.syntax.reservedWord(reserved.text ?? "") };
  const misspelt = previous === undefined ? undefined : keywordTypo(previous);
  if (previous !== undefined && misspelt !== undefined) {
    return { ...at(previous), message: messages.syntax.misspeltKeyword(previous.text ?? "", misspelt) };
  }
  // The parser stopped at this word, so it cannot be a name here: a misspelt keyword ("GROPU BY", "JION").
  const own = keywordTypo(token);
  if (token !== undefined && own !== undefined) return { ...place, message: messages.syntax.misspeltKeyword(text, own) };
  const comma = missingComma(tokens, index);
  if (comma !== undefined) return comma;
  return { ...place, message: messages.syntax.generic(error.message) };
}

function unreadableMessage(character: string): string {
  if (character === "$") return messages.syntax.dollarName();
  if (character === "`") return messages.syntax.backquote();
  return messages.syntax.unreadable(character);
}

/** `LATERAL VIEW explode(...)`, `QUALIFY ...`: found anywhere before or at the error. */
function foreignSyntax(tokens: readonly Token[], index: number): SqlProblem | undefined {
  for (let i = 0; i <= Math.min(index, tokens.length - 1); i++) {
    for (const form of FOREIGN_SYNTAX) {
      if (form.words.every((word, k) => upper(tokens[i + k]) === word)) return { ...at(tokens[i]!), message: form.message() };
    }
  }
  return undefined;
}

/** A reserved word written where a name belongs (`SELECT group`, `from_unixtime(end)`), at or after `from`. */
function reservedAsName(tokens: readonly Token[], from: number): Token | undefined {
  for (let i = from; i < Math.min(tokens.length, from + 40); i++) {
    const word = upper(tokens[i]);
    // GROUP and ORDER are names people use ("group", "order"); without BY after them they are meant as one.
    const clauseKeyword = word === "GROUP" || word === "ORDER" ? upper(tokens[i + 1]) === "BY" : CLAUSE_WORDS.has(word);
    if (!reservedWords().has(word) || clauseKeyword) continue;
    if (BEFORE_NAME.has(upper(tokens[i - 1])) && (i + 1 >= tokens.length || AFTER_NAME.has(upper(tokens[i + 1])))) return tokens[i];
  }
  return undefined;
}

function isName(token: Token | undefined): boolean {
  const text = token?.text ?? "";
  return /^"(?:[^"]|"")+"$/.test(text) || (/^[A-Za-z_][A-Za-z0-9_]*$/.test(text) && !reservedWords().has(text.toUpperCase()));
}

/** The end of a select item: a name, a literal, a closing parenthesis. */
function endsValue(token: Token | undefined): boolean {
  const text = token?.text ?? "";
  return isName(token) || text === ")" || text === "]" || /^('|\d)/.test(text);
}

/**
 * Two select items without a comma: `a b c` reads as `a AS b` and stops at c; `price rank() OVER` reads as
 * `price AS rank` and stops at "(".
 */
function missingComma(tokens: readonly Token[], index: number): SqlProblem | undefined {
  const token = tokens[index];
  // `price rank()`: read as `price AS rank()`, an alias with an empty column list, stuck at ")".
  if (token?.text === ")" && tokens[index - 1]?.text === "(" && isName(tokens[index - 2]) && endsValue(tokens[index - 3])) {
    return { ...at(tokens[index - 2]!), message: messages.syntax.missingComma(tokens[index - 3]?.text ?? "", tokens[index - 2]!.text ?? "") };
  }
  const previous = tokens[index - 1];
  const before = tokens[index - 2];
  if (token === undefined || !isName(previous)) return undefined;
  if (token.text === "(" && endsValue(before)) {
    return { ...at(previous!), message: messages.syntax.missingComma(before?.text ?? "", previous!.text ?? "") };
  }
  const startsExpression = isName(token) || /^['"0-9(]/.test(token.text ?? "");
  if (startsExpression && (endsValue(before) || upper(before) === "AS")) {
    return { ...at(token), message: messages.syntax.missingComma(previous!.text ?? "", token.text ?? "") };
  }
  return undefined;
}

/** A word that is not a keyword but one letter or two away from a clause keyword ("FORM", "WHER", "GROPU"). */
function keywordTypo(token: Token | undefined): string | undefined {
  const text = token?.text ?? "";
  if (!/^[A-Za-z]{4,}$/.test(text)) return undefined;
  const word = text.toUpperCase();
  if ((CLAUSE_KEYWORDS as readonly string[]).includes(word)) return undefined;
  const match = closest(word, CLAUSE_KEYWORDS);
  return match !== undefined && match.length >= 4 ? match : undefined;
}
