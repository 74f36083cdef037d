/** Keywords: the reserved words (generated from the grammar, see scripts/generate-reserved-words.ts) and hint lists. */
import { readFileSync } from "node:fs";

let reserved: ReadonlySet<string> | undefined;

/** Upper-case words that must be quoted ("group") to be used as names in Athena SQL. */
export function reservedWords(): ReadonlySet<string> {
  reserved ??= new Set((JSON.parse(readFileSync(new URL("./reserved-words.json", import.meta.url), "utf8")) as { words: string[] }).words);
  return reserved;
}

/** Clause keywords a misspelling is most likely meant to be ("FORM" → FROM). */
export const CLAUSE_KEYWORDS = [
  "SELECT", "FROM", "WHERE", "GROUP", "ORDER", "HAVING", "LIMIT", "JOIN", "UNION", "WITH", "DISTINCT",
  "LEFT", "RIGHT", "INNER", "OUTER", "CROSS", "BETWEEN", "CASE", "WHEN", "THEN", "ELSE", "AND", "NOT", "NULL",
  "OFFSET", "FETCH", "WINDOW", "PARTITION", "OVER", "EXCEPT", "INTERSECT", "USING", "UNNEST", "VALUES",
] as const;
