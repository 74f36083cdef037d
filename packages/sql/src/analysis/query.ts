/**
 * Queries: WITH, set operations, ORDER BY, and the query blocks (SELECT ... FROM ... WHERE ... GROUP BY
 * ... HAVING ... WINDOW) inside them. Each returns the columns it produces.
 */
import * as P from "dt-sql-parser/dist/lib/trino/TrinoSqlParser.js";
import { messages } from "../messages.ts";
import { identifierName, positionOf } from "../parse/tree.ts";
import { commonSuperType, commonSuperTypeOf } from "../types/coercion.ts";
import type { Analysis } from "./analysis.ts";
import { typeOf, walk } from "./expressions.ts";
import { addRelation } from "./relations.ts";
import { Scope, type QueryShape, type ScopeColumn } from "./scope.ts";
import { tableRelation } from "./table-reference.ts";
import { selectColumns, selectNames, type SelectedColumn } from "./select-list.ts";

export interface QueryResult extends QueryShape {
  readonly columns: readonly SelectedColumn[];
}

const EMPTY: QueryResult = { columns: [], complete: false };

/** Analyses a (sub)query whose names may refer to `outer` (correlation) and its WITH queries. */
export function analyzeQuery(node: P.QueryContext, outer: Scope, analysis: Analysis): QueryResult {
  if (!(node instanceof P.QueryStatementContext)) return EMPTY;
  const withClause = node.with();
  if (withClause === null) return analyzeQueryNoWith(node.queryNoWith(), outer, analysis);
  const withQueries = new Map(outer.withQueries);
  const recursive = withClause.KW_RECURSIVE() !== null;
  for (const named of withClause.namedQuery()) {
    const name = identifierName(named._name ?? named.identifier());
    // A recursive query refers to itself before its shape is known.
    if (recursive) withQueries.set(name, EMPTY);
    const shape = analyzeQuery(named.query(), new Scope(outer, withQueries), analysis);
    const aliases = named.columnAliases()?.identifier().map(identifierName);
    if (aliases !== undefined && shape.complete && aliases.length !== shape.columns.length) {
      analysis.report(named.columnAliases(), messages.aliasColumnCount(name, aliases.length, `WITH query ${name}`, shape.columns.length));
    }
    const columns = aliases === undefined ? shape.columns : shape.columns.map((c, i) => ({ ...c, name: aliases[i] }));
    withQueries.set(name, { columns, complete: shape.complete && (aliases === undefined || aliases.length === shape.columns.length) });
  }
  return analyzeQueryNoWith(node.queryNoWith(), new Scope(outer, withQueries), analysis);
}

function analyzeQueryNoWith(node: P.QueryNoWithContext, outer: Scope, analysis: Analysis): QueryResult {
  const { result, scope } = analyzeTerm(node.queryTerm(), outer, analysis);
  const sortItems = node.sortItem();
  if (sortItems.length === 0) return result;
  // ORDER BY sees output names first, then (for a single query block) its FROM columns.
  const outputs = new Map<string, ScopeColumn>();
  for (const column of result.columns) if (column.name !== undefined && !outputs.has(column.name)) outputs.set(column.name, column);
  let orderScope = scope;
  if (orderScope === undefined) {
    orderScope = new Scope(outer, outer.withQueries);
    orderScope.relations.push({ alias: undefined, label: "the query's output", columns: result.complete ? result.columns : undefined });
  }
  orderScope.outputColumns = outputs;
  for (const item of sortItems) walk(item, orderScope, analysis);
  return result;
}

function analyzeTerm(node: P.QueryTermContext, outer: Scope, analysis: Analysis): { result: QueryResult; scope?: Scope } {
  if (node instanceof P.QueryTermDefaultContext) return analyzePrimary(node.queryPrimary(), outer, analysis);
  if (!(node instanceof P.SetOperationContext)) return { result: EMPTY };
  const left = analyzeTerm(node.queryTerm(0) ?? node, outer, analysis).result;
  const right = analyzeTerm(node.queryTerm(1) ?? node, outer, analysis).result;
  if (left.complete && right.complete && left.columns.length !== right.columns.length) {
    const quantifier = node.setQuantifier()?.getText().toUpperCase();
    const operator = `${node._operator?.text?.toUpperCase() ?? "UNION"}${quantifier ? ` ${quantifier}` : ""}`;
    analysis.report(node._operator, messages.setColumnCount(operator, left.columns.length, right.columns.length));
  }
  // Names come from the first query; types are what both sides coerce to.
  // Each output carries whatever either side carries.
  const columns = left.columns.map((c, i) => ({
    name: c.name,
    type: commonSuperType(c.type, right.columns[i]?.type),
    passes: [...(c.passes ?? []), ...(right.columns[i]?.passes ?? [])],
    at: c.at,
    unnamed: c.unnamed,
  }));
  return { result: { columns, complete: left.complete && right.complete } };
}

function analyzePrimary(node: P.QueryPrimaryContext, outer: Scope, analysis: Analysis): { result: QueryResult; scope?: Scope } {
  if (node instanceof P.QueryPrimaryDefaultContext) return analyzeSpecification(node.querySpecification(), outer, analysis);
  if (node instanceof P.SubqueryContext) return { result: analyzeQueryNoWith(node.queryNoWith(), outer, analysis) };
  if (node instanceof P.InlineTableContext) return { result: valuesColumns(node, outer, analysis) };
  if (node instanceof P.TableContext) {
    // TABLE t is SELECT * FROM t.
    const scope = new Scope(outer, outer.withQueries);
    const reference = node.tableRef();
    const relation = tableRelation(reference.identifier(), undefined, scope, analysis, reference);
    scope.relations.push(relation);
    const at = positionOf(node);
    for (const column of relation.columns ?? []) analysis.read(column.base, at);
    const columns = (relation.columns ?? []).map((c) => ({ name: c.name, type: c.type, passes: c.passes, at }));
    return { result: { columns, complete: relation.columns !== undefined }, scope };
  }
  return { result: EMPTY };
}

function analyzeSpecification(node: P.QuerySpecificationContext, outer: Scope, analysis: Analysis): { result: QueryResult; scope: Scope } {
  const scope = new Scope(outer, outer.withQueries);
  for (const relation of node.relation()) addRelation(relation, scope, analysis);
  scope.selectAliases = selectNames(node.selectList());
  const selected = selectColumns(node.selectList(), scope, analysis);
  typeOf(node.whereClause(), scope, analysis);
  walk(node.groupBy(), scope, analysis);
  typeOf(node.havingClause(), scope, analysis);
  for (const window of node.windowDefinition()) walk(window.windowSpecification(), scope, analysis);
  return { result: { columns: selected.columns, complete: selected.complete }, scope };
}

/** VALUES rows: one column per row field, typed by what all rows coerce to, all unnamed. */
function valuesColumns(node: P.InlineTableContext, outer: Scope, analysis: Analysis): QueryResult {
  const rows = node.expression().map((row) => {
    const fields = rowFieldsOf(row);
    return fields.map((field) => typeOf(field, outer, analysis));
  });
  const width = rows[0]?.length ?? 0;
  const at = positionOf(node);
  const unnamed = messages.unnamedValues();
  const columns = Array.from({ length: width }, (_, i) => ({ name: undefined, type: commonSuperTypeOf(rows.map((r) => r[i])), at, unnamed }));
  return { columns, complete: rows.every((r) => r.length === width) };
}

/** `(1, 'a')` and `ROW(1, 'a')` are several fields; anything else is one. */
function rowFieldsOf(row: P.ExpressionContext): P.ExpressionContext[] {
  const predicated = row.booleanExpression();
  if (predicated instanceof P.PredicatedContext && predicated.predicate() === null) {
    const value = predicated.valueExpression();
    if (value instanceof P.ValueExpressionDefaultContext) {
      const primary = value.primaryExpression();
      if (primary instanceof P.RowConstructorContext) return primary.expression();
    }
  }
  return [row];
}
