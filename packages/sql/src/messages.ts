/**
 * Every message `analyzeView` reports, in one place so their wording stays consistent: what is wrong,
 * what was given and how to fix it.
 */
import type { ScopeRelation } from "./analysis/scope.ts";

const LIST_LIMIT = 30;

function list(items: readonly string[]): string {
  if (items.length <= LIST_LIMIT) return items.join(", ");
  return `${items.slice(0, LIST_LIMIT).join(", ")}, … (${items.length - LIST_LIMIT} more)`;
}

function suggestion(match: string | undefined): string {
  return match === undefined ? "" : `; did you mean "${match}"?`;
}

export const messages = {
  syntax: {
    "unclosed-string": () => "syntax error: the string that starts here is never closed; end it with ' (write '' for a quote inside a string)",
    "unclosed-identifier": () => 'syntax error: the quoted name that starts here is never closed; end it with "',
    "unclosed-comment": () => "syntax error: the comment that starts here is never closed; end it with */",
    "unclosed-parenthesis": () => 'syntax error: this "(" is never closed; add the missing ")"',
    "unopened-parenthesis": () => 'syntax error: this ")" closes nothing; remove it or add the missing "("',
    trailingComma: (keyword: string) => `syntax error: nothing follows this ","; remove it (a list cannot end with a comma before ${keyword})`,
    reservedWord: (word: string) =>
      `syntax error: "${word}" is a reserved word in Athena SQL; to use it as a name, quote it: "${word.toLowerCase()}"`,
    misspeltKeyword: (written: string, keyword: string) => `syntax error: "${written}" is not a keyword here; did you mean ${keyword}?`,
    missingComma: (before: string, after: string) =>
      `syntax error: "${after}" cannot follow "${before}" here; is a comma missing before "${after}"? (two names in a row read as a value and its alias)`,
    lateralView: () => "syntax error: LATERAL VIEW is Hive syntax that Athena (Trino) does not have; write CROSS JOIN UNNEST(array_column) AS t(element)",
    qualify: () => "syntax error: QUALIFY is not supported by Athena; compute the window function in a subquery and filter on it in the outer WHERE",
    top: () => "syntax error: SELECT TOP n is not Athena SQL; write LIMIT n at the end of the query",
    ilike: () => "syntax error: ILIKE is not supported by Athena; write lower(x) LIKE lower(pattern)",
    dollarName: () => 'syntax error: a name starting with "$" must be quoted; hidden columns are written "$path", "$file_size", "$file_modified_time", "$partition"',
    backquote: () => "syntax error: Athena SQL quotes names with double quotes, not backquotes; write \"name\" (backquotes are Hive DDL)",
    unreadable: (character: string) => `syntax error: "${character}" cannot appear here outside a string or a quoted name`,
    digitIdentifier: (name: string) => `identifiers must not start with a digit; surround the identifier with double quotes: "${name}"`,
    generic: (message: string) => `syntax error: ${message}`,
    tooDeep: () => "the query is nested too deeply to analyse; split the expression or the subqueries into WITH queries",
    "too-deep": () => "the query nests parentheses more than 150 deep, too deep to analyse; split the expression or the subqueries into WITH queries",
  },

  emptyFile: () => "the file is empty; write one SELECT statement",

  createStatement: (prefix: string) =>
    `write only the SELECT; Baikal creates the view from the file name and domain.ts (remove "${prefix} ... AS")`,

  notAQuery: (start: string) =>
    `expected a SELECT query, found "${start} ..."; a view file holds only the SELECT that defines the view`,

  tooManyStatements: (count: number) =>
    `the file holds ${count} statements; a view file holds exactly one SELECT (remove the others or put each view in its own file)`,

  unknownRelation: (written: string, match: string | undefined, context: string) =>
    `unknown table or view "${written}"${context}${suggestion(match)}`,

  unknownDatabase: (database: string, written: string, match: string | undefined, databases: readonly string[]) =>
    match === undefined
      ? `unknown database "${database}" in "${written}" (databases: ${list(databases)})`
      : `unknown database "${database}" in "${written}"${suggestion(match)}`,

  unknownCatalog: (catalog: string, written: string) =>
    `unknown catalog "${catalog}" in "${written}"; Athena views read from "awsdatacatalog" (or leave the catalog out)`,

  unknownColumn: (name: string, relations: readonly ScopeRelation[], match: string | undefined, hint: string) => {
    if (relations.length === 0) return `column "${name}" cannot be resolved: the SELECT has no FROM clause${hint}`;
    const names = relations.length === 1
      ? (relations[0]?.columns ?? []).flatMap((c) => (c.name === undefined || c.hidden ? [] : [c.name]))
      : relations.flatMap((r) => (r.columns ?? []).flatMap((c) => (c.name === undefined || c.hidden ? [] : [`${r.alias ?? r.label}.${c.name}`])));
    const where = relations.map((r) => r.label).join(" or ");
    const columns = names.length === 0 ? "it has no named columns" : `columns: ${list(names)}`;
    return `column "${name}" is not in ${where} (${columns})${suggestion(match)}${hint}`;
  },

  ambiguousColumn: (name: string, relations: readonly ScopeRelation[]) => {
    const where = relations.map((r) => (r.alias !== undefined && r.alias !== r.table?.name ? `${r.label} (as ${r.alias})` : r.label));
    const qualifier = relations[0]?.alias ?? relations[0]?.label ?? "t";
    return `column "${name}" is ambiguous: it is in ${where.join(" and ")}; qualify it, e.g. "${qualifier}.${name}"`;
  },

  unknownQualifier: (qualifier: string, written: string, relations: readonly ScopeRelation[], match: string | undefined) => {
    const named = relations.flatMap((r) => (r.alias === undefined ? [] : [r.alias === r.table?.name || r.alias === r.label ? r.alias : `${r.alias} (${r.label})`]));
    const available = named.length === 0 ? "the FROM clause names no tables" : `the FROM clause has ${list(named)}`;
    return `unknown table alias "${qualifier}" in "${written}"; ${available}${suggestion(match)}`;
  },

  unknownField: (column: string, field: string, fields: readonly string[], match: string | undefined) =>
    `row "${column}" has no field "${field}" (fields: ${list(fields)})${suggestion(match)}`,

  notARow: (written: string, column: string, type: string) =>
    `cannot read "${written}": "${column}" is ${type}, not a row, and no table in the FROM clause is called "${column}"`,

  outputAliasHint: (name: string) =>
    `; "${name}" is an output name of this SELECT, and only ORDER BY may use output names (repeat the expression, or use its position, e.g. GROUP BY 1)`,

  unnamedExpression: (text: string) =>
    `expression "${text}" has no name; add "AS <name>" (Athena cannot store an unnamed view column)`,

  unnamedStarColumn: (position: number, label: string) =>
    `"*" selects column ${position} of ${label}, which has no name; name it with "AS <name>" where ${label} selects it`,

  duplicateOutput: (name: string, line: number, column: number) =>
    `the SELECT produces two columns named "${name}" (the first at line ${line}, column ${column}); rename one with "AS <name>"`,

  unnamedValues: () =>
    `VALUES gives its columns no names; select from it and name them, e.g. SELECT * FROM (VALUES ...) AS t(a, b)`,

  setColumnCount: (operator: string, left: number, right: number) =>
    `the queries of ${operator} select different numbers of columns (${left} and ${right}); each must select the same columns in the same order`,

  aliasColumnCount: (alias: string, given: number, label: string, actual: number) =>
    `alias "${alias}" names ${given} column${given === 1 ? "" : "s"} but ${label} has ${actual}; give one name per column`,
};
