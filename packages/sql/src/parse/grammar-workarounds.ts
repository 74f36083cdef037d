/**
 * Where dt-sql-parser's Trino grammar reads valid Athena SQL wrongly, and how Baikal works around it. This is
 * the one place for such fixes; each names the input it fixes so it can be dropped once the grammar is fixed.
 *
 * The grammar lets statements follow each other without a ";", and that makes two constructs ambiguous:
 *
 * - `x = ANY (SELECT ...)` (also SOME and ALL): read as the comparison `x = any` (a column named "any") followed
 *   by a second statement `(SELECT ...)`;
 * - `CROSS JOIN LATERAL (SELECT ...)` without an alias: read as a table named "lateral" followed by a second
 *   statement.
 *
 * Both keywords are blanked out before parsing (same length, so every position stays right) and remembered at
 * the "(" that follows them: the analysis then reads a comparison with that subquery as quantified, and that
 * subquery in FROM as lateral, exactly as Trino does.
 */

export interface GrammarWorkarounds {
  /** Offset of the "(" of a quantified comparison's subquery → its quantifier. */
  readonly quantifiers: ReadonlyMap<number, "ANY" | "SOME" | "ALL">;
  /** Offsets of the "(" of LATERAL subqueries. */
  readonly laterals: ReadonlySet<number>;
}

export const NO_WORKAROUNDS: GrammarWorkarounds = { quantifiers: new Map(), laterals: new Set() };

const QUANTIFIED = /(?:=|<>|!=|<=|>=|<|>)\s*\b(any|some|all)\b\s*(?=\()/gi;
const LATERAL = /\blateral\b\s*(?=\()/gi;

/**
 * Finds both constructs in `code` (the SQL with strings and comments blanked, see source-scan.ts) and returns
 * the text to parse, with the keywords blanked, and what was blanked.
 */
export function applyWorkarounds(sql: string, code: string): { text: string; workarounds: GrammarWorkarounds } {
  if (!/\b(any|some|all|lateral)\b/i.test(code)) return { text: sql, workarounds: NO_WORKAROUNDS };
  const quantifiers = new Map<number, "ANY" | "SOME" | "ALL">();
  const laterals = new Set<number>();
  const blanks: [number, number][] = [];
  for (const match of code.matchAll(QUANTIFIED)) {
    const word = match[1]!;
    const wordStart = match.index + match[0].search(/\b(any|some|all)\b/i);
    blanks.push([wordStart, wordStart + word.length]);
    quantifiers.set(match.index + match[0].length, word.toUpperCase() as "ANY" | "SOME" | "ALL");
  }
  for (const match of code.matchAll(LATERAL)) {
    blanks.push([match.index, match.index + "lateral".length]);
    laterals.add(match.index + match[0].length);
  }
  if (blanks.length === 0) return { text: sql, workarounds: NO_WORKAROUNDS };
  let text = sql;
  for (const [from, to] of blanks) text = text.slice(0, from) + " ".repeat(to - from) + text.slice(to);
  return { text, workarounds: { quantifiers, laterals } };
}
