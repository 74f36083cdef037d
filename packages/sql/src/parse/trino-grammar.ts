/**
 * The Trino grammar's parser, lexer and parse-tree classes, in one place: dt-sql-parser's TrinoSql.g4 compiled
 * for antlr4ng 3 (see generated/README.md). The analysis imports the tree's context classes from here only,
 * so the parser behind them is chosen on this line.
 */
export * from "./generated/TrinoSqlParser.js";
export { TrinoSqlLexer } from "./generated/TrinoSqlLexer.js";
