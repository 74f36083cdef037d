/**
 * Writes src/parse/reserved-words.json: the keywords of the Trino grammar (dt-sql-parser's TrinoSql) that its
 * `nonReserved` rule does not list, so they must be quoted to be used as names. Kept as data so that checking a
 * declaration's name does not load the grammar; test/reserved-words.test.ts fails when the file and the grammar
 * disagree.
 *
 * Run: packages/sql/node_modules/.bin/tsx packages/sql/scripts/generate-reserved-words.ts
 */
import { writeFileSync } from "node:fs";
import { reservedWordsOfGrammar } from "../src/parse/grammar-keywords.ts";

const file = new URL("../src/parse/reserved-words.json", import.meta.url);
writeFileSync(file, `${JSON.stringify({ source: "dt-sql-parser TrinoSqlParser: keywords not in rule nonReserved", words: reservedWordsOfGrammar() }, null, 1)}\n`);
console.log(`wrote ${file.pathname}`);
