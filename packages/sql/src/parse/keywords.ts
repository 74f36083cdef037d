/**
 * Keywords as the grammar itself defines them: a keyword is reserved when the grammar's `nonReserved` rule
 * does not list it, so the set is read from the parser's ATN rather than typed by hand.
 */
import { TrinoSqlParser } from "./trino-grammar.ts";

let reserved: ReadonlySet<string> | undefined;

/** Upper-case words that must be quoted ("group") to be used as names in Athena SQL. */
export function reservedWords(): ReadonlySet<string> {
  if (reserved !== undefined) return reserved;
  const atn = TrinoSqlParser._ATN;
  // The vocabulary is declared private in the typings but is the generated parser's public static field.
  const vocabulary = (TrinoSqlParser as unknown as { vocabulary: { maxTokenType: number; getSymbolicName(type: number): string | null } }).vocabulary;
  const start = atn.ruleToStartState[TrinoSqlParser.RULE_nonReserved];
  const nonReserved = new Set(start ? atn.nextTokens(start).toArray() : []);
  const words = new Set<string>();
  for (let type = 1; type <= vocabulary.maxTokenType; type++) {
    const name = vocabulary.getSymbolicName(type);
    if (name?.startsWith("KW_") && !nonReserved.has(type)) words.add(name.slice(3));
  }
  reserved = words;
  return words;
}

/** Clause keywords a misspelling is most likely meant to be ("FORM" → FROM). */
export const CLAUSE_KEYWORDS = [
  "SELECT", "FROM", "WHERE", "GROUP", "ORDER", "HAVING", "LIMIT", "JOIN", "UNION", "WITH", "DISTINCT",
  "LEFT", "RIGHT", "INNER", "OUTER", "CROSS", "BETWEEN", "CASE", "WHEN", "THEN", "ELSE", "AND", "NOT", "NULL",
  "OFFSET", "FETCH", "WINDOW", "PARTITION", "OVER", "EXCEPT", "INTERSECT", "USING", "UNNEST", "VALUES",
] as const;
