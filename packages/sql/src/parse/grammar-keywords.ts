/**
 * Reserved words as the grammar itself defines them: a keyword is reserved when the grammar's `nonReserved` rule
 * does not list it. Reading the parser's ATN loads the whole grammar, so this runs in the generator script and the
 * test that keeps reserved-words.json in step, not at check time.
 */
import { TrinoSqlParser } from "./trino-grammar.ts";

export function reservedWordsOfGrammar(): string[] {
  const atn = TrinoSqlParser._ATN;
  // The vocabulary is declared private in the typings but is the generated parser's public static field.
  const vocabulary = (TrinoSqlParser as unknown as { vocabulary: { maxTokenType: number; getSymbolicName(type: number): string | null } }).vocabulary;
  const start = atn.ruleToStartState[TrinoSqlParser.RULE_nonReserved];
  const nonReserved = new Set(start ? atn.nextTokens(start).toArray() : []);
  const words: string[] = [];
  for (let type = 1; type <= vocabulary.maxTokenType; type++) {
    const name = vocabulary.getSymbolicName(type);
    if (name?.startsWith("KW_") && !nonReserved.has(type)) words.push(name.slice(3));
  }
  return words.sort();
}
