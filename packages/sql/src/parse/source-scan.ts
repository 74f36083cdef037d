/**
 * A character-level pass over the SQL before the grammar sees it: strings, quoted names and comments are
 * found exactly once, so an unclosed quote or an unbalanced parenthesis is reported where it really is,
 * instead of as whatever the parser trips over ten lines later.
 */
import type { Position } from "./tree.ts";

export type ScanProblem =
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

export function scanSource(sql: string): SourceScan {
  let code = "";
  const opened: number[] = [];
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
        problem ??= { kind: c === "'" ? "unclosed-string" : "unclosed-identifier", at: positionAt(sql, i) };
        code += blank(sql.slice(i));
        break;
      }
      // Keep the quotes so tokens stay recognisable; blank what is between them.
      code += c + blank(sql.slice(i + 1, end)) + c;
      i = end + 1;
      continue;
    }
    if (c === "(") opened.push(i);
    if (c === ")" && opened.pop() === undefined) problem ??= { kind: "unopened-parenthesis", at: positionAt(sql, i) };
    code += c;
    i++;
  }
  const unclosed = opened[0];
  if (unclosed !== undefined) problem ??= { kind: "unclosed-parenthesis", at: positionAt(sql, opened.at(-1) ?? unclosed) };
  return problem === undefined ? { code } : { code, problem };
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
