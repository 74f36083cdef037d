/**
 * A character-level pass over the SQL before the grammar sees it: strings, quoted names and comments are
 * found exactly once, so an unclosed quote or an unbalanced parenthesis is reported where it really is,
 * instead of as whatever the parser trips over ten lines later.
 */
import type { Position } from "./tree.ts";

/**
 * Parentheses nested deeper than this are refused before parsing: the grammar recurses once per level (and its
 * prediction slows down with depth), and no view a person maintains nests this deep.
 */
export const MAX_PARENTHESES = 150;

export type ScanProblem =
  | { readonly kind: "too-deep"; readonly at: Position }
  | { readonly kind: "unclosed-string"; readonly at: Position }
  | { readonly kind: "unclosed-identifier"; readonly at: Position }
  | { readonly kind: "unclosed-comment"; readonly at: Position }
  | { readonly kind: "unclosed-parenthesis"; readonly at: Position }
  | { readonly kind: "unopened-parenthesis"; readonly at: Position };

export interface SourceScan {
  /** The text with string literals, quoted names and comments blanked (same length, newlines kept). */
  readonly code: string;
  /** The first problem, if any. */
  readonly problem?: ScanProblem;
}

/** 1-based line and column of a character offset. */
export function positionAt(sql: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < sql.length; i++) {
    if (sql[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function blank(text: string): string {
  return text.replace(/[^\n]/g, " ");
}

/**
 * A quoted text that swallowed code: when a closing quote is missing, the next quote closes the literal, so the
 * literal holds line breaks, commas or SQL words, and the real unclosed quote is its start.
 */
const SWALLOWED: Readonly<Record<string, RegExp>> = {
  "'": /\n|\b(and|or|from|where|select|group|order|in|not|like|between)\b/i,
  '"': /\n|,\s|\s(as|from|and|or)\s/i,
};

function unclosedAt(sql: string, start: number, quote: string, closed: readonly { start: number; quote: string; content: string }[]): Position {
  // The first literal that swallowed code is where the pairing of quotes first went wrong.
  const swallowed = closed.find((c) => c.quote === quote && SWALLOWED[quote]?.test(c.content));
  return positionAt(sql, swallowed?.start ?? start);
}

export function scanSource(sql: string): SourceScan {
  let code = "";
  const opened: number[] = [];
  const closed: { start: number; quote: string; content: string }[] = [];
  let problem: ScanProblem | undefined;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      const stop = end === -1 ? sql.length : end;
      code += blank(sql.slice(i, stop));
      i = stop;
      continue;
    }
    if (c === "/" && next === "*") {
      const end = sql.indexOf("*/", i + 2);
      if (end === -1) {
        problem ??= { kind: "unclosed-comment", at: positionAt(sql, i) };
        code += blank(sql.slice(i));
        break;
      }
      code += blank(sql.slice(i, end + 2));
      i = end + 2;
      continue;
    }
    if (c === "'" || c === '"' || c === "`") {
      const end = closingQuote(sql, i, c);
      if (end === -1) {
        problem ??= { kind: c === "'" ? "unclosed-string" : "unclosed-identifier", at: unclosedAt(sql, i, c, closed) };
        code += blank(sql.slice(i));
        break;
      }
      closed.push({ start: i, quote: c, content: sql.slice(i + 1, end) });
      // Keep the quotes so tokens stay recognisable; blank what is between them.
      code += c + blank(sql.slice(i + 1, end)) + c;
      i = end + 1;
      continue;
    }
    if (c === "(") {
      opened.push(i);
      if (opened.length > MAX_PARENTHESES) {
        problem ??= { kind: "too-deep", at: positionAt(sql, i) };
        break;
      }
    }
    if (c === ")" && opened.pop() === undefined) problem ??= { kind: "unopened-parenthesis", at: positionAt(sql, i) };
    code += c;
    i++;
  }
  const unclosed = opened[0];
  if (unclosed !== undefined) problem ??= { kind: "unclosed-parenthesis", at: positionAt(sql, opened.at(-1) ?? unclosed) };
  return problem === undefined ? { code } : { code, problem };
}

/** 1-based line and column to a character offset. */
export function offsetAt(sql: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = sql.indexOf("\n", offset);
    if (next === -1) return sql.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

/**
 * The innermost "(" still open at `offset` of the scanned code: when a ")" is missing, the parser stops where the
 * unclosed call or group was supposed to end, so this is the "(" the author forgot to close.
 */
export function openParenthesisAt(scan: SourceScan, sql: string, offset: number): Position | undefined {
  const opened: number[] = [];
  for (let i = 0; i < offset && i < scan.code.length; i++) {
    if (scan.code[i] === "(") opened.push(i);
    else if (scan.code[i] === ")") opened.pop();
  }
  const innermost = opened.at(-1);
  return innermost === undefined ? undefined : positionAt(sql, innermost);
}

/** Index of the quote closing the one at `start` (a doubled quote is an escaped one), or -1. */
function closingQuote(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i;
    }
    i++;
  }
  return -1;
}
