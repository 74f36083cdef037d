/**
 * A table name in FROM / JOIN / TABLE: a WITH query, or a catalog relation (`db.table`, `table` in the
 * default database, `awsdatacatalog.db.table`). Unknown names are reported with suggestions and enter the
 * scope as relations of unknown shape, so the rest of the query is not flooded with follow-up errors.
 */
import type { CatalogRelation } from "../catalog.ts";
import { messages } from "../messages.ts";
import { identifierName, positionOf, type Position, type RuleNode } from "../parse/tree.ts";
import { closest } from "../suggest.ts";
import { normalizeTrinoType } from "../types/trino-type.ts";
import type { Analysis } from "./analysis.ts";
import type { IdentifierContext } from "../parse/trino-grammar.ts";
import type { Scope, ScopeColumn, ScopeRelation } from "./scope.ts";

const DATA_CATALOG = "awsdatacatalog";
const LIST_LIMIT = 20;

const catalogColumns = new WeakMap<CatalogRelation, readonly ScopeColumn[]>();

/**
 * The hidden columns Athena gives every table read through the Hive connector: readable by name
 * (`"$path"`), never part of `*`. Views have none.
 */
const HIDDEN_COLUMNS: readonly ScopeColumn[] = [
  { name: "$path", type: "varchar", hidden: true },
  { name: "$file_size", type: "bigint", hidden: true },
  { name: "$file_modified_time", type: "timestamp(3) with time zone", hidden: true },
  { name: "$partition", type: "varchar", hidden: true },
];

/** The relation's columns with normalised types; cached because thousands of views read the same tables. */
function columnsOf(relation: CatalogRelation): readonly ScopeColumn[] {
  let columns = catalogColumns.get(relation);
  if (columns === undefined) {
    columns = relation.columns.map((c) => ({
      name: c.name.toLowerCase(),
      type: normalizeTrinoType(c.type),
      base: { database: relation.database, relation: relation.name, column: c.name },
      passes: [{ database: relation.database, relation: relation.name, column: c.name }],
    }));
    if (relation.kind === "table") columns = [...columns, ...HIDDEN_COLUMNS];
    catalogColumns.set(relation, columns);
  }
  return columns;
}

/** Resolves a table name to a scope relation, recording the reference or reporting why it is unknown. */
export function tableRelation(
  identifiers: readonly IdentifierContext[],
  alias: string | undefined,
  scope: Scope,
  analysis: Analysis,
  node: RuleNode,
): ScopeRelation {
  const parts = identifiers.map(identifierName);
  const written = parts.join(".");
  const at = positionOf(node);
  const name = parts[parts.length - 1] ?? "";
  const withQuery = parts.length === 1 ? scope.withQueries.get(name) : undefined;
  if (withQuery !== undefined) {
    return { alias: alias ?? name, label: name, columns: withQuery.complete ? withQuery.columns : undefined };
  }
  const unknown: ScopeRelation = { alias: alias ?? name, label: written, columns: undefined };
  if (parts.length === 3 && parts[0] !== DATA_CATALOG) {
    analysis.reportAt(at, messages.unknownCatalog(parts[0] ?? "", written));
    return unknown;
  }
  const database = parts.length > 1 ? (parts[parts.length - 2] ?? "") : analysis.defaultDatabase;
  const relation = analysis.catalog.lookup(database, name);
  if (relation === undefined && analysis.catalog.unavailable().includes(database)) {
    // Its domain's declarations are broken and reported already; this name is neither known nor unknown.
    analysis.blocked.add(database);
    return unknown;
  }
  if (relation === undefined) {
    reportUnknown(parts.length > 1, database, name, written, at, scope, analysis);
    return unknown;
  }
  analysis.reference(relation.database, relation.name, at);
  return {
    alias: alias ?? name,
    table: { database: relation.database.toLowerCase(), name: relation.name.toLowerCase() },
    label: `${relation.database}.${relation.name}`,
    columns: columnsOf(relation),
  };
}

function reportUnknown(
  qualified: boolean,
  database: string,
  name: string,
  written: string,
  at: Position,
  scope: Scope,
  analysis: Analysis,
): void {
  const all = [...analysis.catalog.relations()];
  const databases = [...new Set(all.map((r) => r.database.toLowerCase()))].sort();
  if (qualified && !databases.includes(database)) {
    const match = closest(database, databases);
    const full = match !== undefined && analysis.catalog.lookup(match, name) !== undefined ? `${match}.${name}` : match;
    analysis.reportAt(at, messages.unknownDatabase(database, written, full, databases));
    return;
  }
  const inDatabase = all.filter((r) => r.database.toLowerCase() === database).map((r) => r.name.toLowerCase()).sort();
  let match: string | undefined;
  if (!qualified) match = closest(name, scope.withQueries.keys());
  if (match === undefined) {
    const local = closest(name, inDatabase);
    if (local !== undefined) match = qualified ? `${database}.${local}` : local;
  }
  if (match === undefined) {
    const elsewhere = closest(name, all.map((r) => r.name));
    const relation = all.find((r) => r.name === elsewhere);
    if (relation !== undefined) match = `${relation.database}.${relation.name}`;
  }
  let context = qualified ? "" : ` (a name without a database is looked up in ${database})`;
  if (match === undefined) {
    const shown = inDatabase.slice(0, LIST_LIMIT).join(", ") + (inDatabase.length > LIST_LIMIT ? ", …" : "");
    context += inDatabase.length === 0 ? `; ${database} has no tables or views` : `; ${database} has: ${shown}`;
  }
  analysis.reportAt(at, messages.unknownRelation(written, match, context));
}
