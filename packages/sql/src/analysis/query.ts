/**
 * Queries: WITH, set operations, ORDER BY / OFFSET / LIMIT / FETCH, and the query blocks (SELECT ... FROM ...
 * WHERE ... GROUP BY ... HAVING ... WINDOW) inside them. Each returns the columns it produces.
 */
import * as P from "../parse/trino-grammar.ts";
import { messages } from "../messages.ts";
import { identifierName, positionOf, shortText, type RuleNode } from "../parse/tree.ts";
import { typeMessages } from "../type-messages.ts";
import { commonSuperType, UNKNOWN_TYPE } from "../types/type-coercion.ts";
import type { Analysis } from "./analysis.ts";
import { checkGrouped, checkNestedAggregates, containsAggregate, expressionKey, findCalls, forbidAggregates } from "./aggregation.ts";
import { requireBoolean, typeOf, walk } from "./expressions.ts";
import { groupingKeys, ordinal } from "./group-by.ts";
import { addRelation } from "./relations.ts";
import { Scope, type QueryShape, type ScopeColumn } from "./scope.ts";
import { tableRelation } from "./table-reference.ts";
import { selectColumns, selectNames, type SelectedColumn } from "./select-list.ts";

export interface QueryResult extends QueryShape {
  readonly columns: readonly SelectedColumn[];
}

/** What ORDER BY needs to know about the query block it sorts. */
interface BlockInfo {
  readonly scope: Scope;
  /** Set when the block groups or aggregates: ORDER BY follows the aggregation rules then. */
  readonly grouping?: { readonly keys: Set<string>; readonly relations: ReadonlySet<object> };
  readonly distinct: boolean;
}

const EMPTY: QueryResult = { columns: [], complete: false };

/** Analyses a (sub)query whose names may refer to `outer` (correlation) and its WITH queries. */
export function analyzeQuery(node: P.QueryContext, outer: Scope, analysis: Analysis): QueryResult {
  if (!(node instanceof P.QueryStatementContext)) return EMPTY;
  const withClause = node.with();
  if (withClause === null) return analyzeQueryNoWith(node.queryNoWith(), outer, analysis);
  const withQueries = new Map(outer.withQueries);
  const recursive = withClause.KW_RECURSIVE() !== null;
  if (recursive) analysis.report(withClause.KW_RECURSIVE()?.symbol, typeMessages.recursiveWith());
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
  const { result, block } = analyzeTerm(node.queryTerm(), outer, analysis);
  const sortItems = node.sortItem();
  if (node.KW_TIES() !== null && sortItems.length === 0) analysis.report(node.KW_TIES()?.symbol, typeMessages.fetchWithTiesOrder());
  if (sortItems.length === 0) return result;
  // ORDER BY sees output names first, then (for a single query block) its FROM columns.
  const outputs = new Map<string, ScopeColumn>();
  for (const column of result.columns) if (column.name !== undefined && !outputs.has(column.name)) outputs.set(column.name, column);
  let orderScope = block?.scope;
  if (orderScope === undefined) {
    orderScope = new Scope(outer, outer.withQueries);
    orderScope.relations.push({ alias: undefined, label: "the query's output", columns: result.complete ? result.columns : undefined });
  }
  orderScope.outputColumns = outputs;
  for (const item of sortItems) {
    // The grammar gives a plain column as columnRef, anything else as expression.
    const expression: RuleNode | null = item.expression() ?? item.columnRef();
    const position = ordinal(item.expression());
    if (position !== undefined) {
      if (result.complete && (position < 1 || position > result.columns.length)) {
        analysis.report(expression, typeMessages.orderByPosition(position, result.columns.length));
      }
      continue;
    }
    walk(item, orderScope, analysis);
    if (expression !== null && block !== undefined) checkOrderItem(expression, result, block, analysis);
  }
  return result;
}

/** An aggregated block's ORDER BY may use output names, select expressions, grouping keys and aggregates. */
function checkOrderItem(expression: RuleNode, result: QueryResult, block: BlockInfo, analysis: Analysis): void {
  const selected = new Set(result.columns.flatMap((c) => (c.expression === undefined ? (c.sourceKey === undefined ? [] : [c.sourceKey]) : [expressionKey(c.expression, analysis)])));
  const key = expressionKey(expression, analysis);
  if (block.distinct && !selected.has(key) && !key.startsWith("output(")) {
    analysis.report(expression, typeMessages.distinctOrderBy(shortText(analysis.sql, expression)));
    return;
  }
  if (block.grouping === undefined) {
    checkNestedAggregates(expression, analysis);
    return;
  }
  checkGrouped(expression, { keys: new Set([...block.grouping.keys, ...selected]), relations: block.grouping.relations }, analysis);
}

function analyzeTerm(node: P.QueryTermContext, outer: Scope, analysis: Analysis): { result: QueryResult; block?: BlockInfo } {
  if (node instanceof P.QueryTermDefaultContext) return analyzePrimary(node.queryPrimary(), outer, analysis);
  if (!(node instanceof P.SetOperationContext)) return { result: EMPTY };
  const left = analyzeTerm(node.queryTerm(0) ?? node, outer, analysis).result;
  const right = analyzeTerm(node.queryTerm(1) ?? node, outer, analysis).result;
  const quantifier = node.setQuantifier()?.getText().toUpperCase();
  const operator = `${node._operator?.text?.toUpperCase() ?? "UNION"}${quantifier ? ` ${quantifier}` : ""}`;
  if (left.complete && right.complete && left.columns.length !== right.columns.length) {
    analysis.report(node._operator, messages.setColumnCount(operator, left.columns.length, right.columns.length));
  }
  // Names come from the first query; types are what both sides coerce to.
  const columns = left.columns.map((c, i) => {
    const other = right.columns[i];
    const common = commonSuperType(c.type, other?.type);
    if (common === null && other !== undefined) analysis.report(node._operator, typeMessages.setOperationTypes(i + 1, operator, c.type!, other.type!, c.name));
    // Each output carries whatever either side carries.
    return { name: c.name, type: common ?? undefined, passes: [...(c.passes ?? []), ...(other?.passes ?? [])], at: c.at, unnamed: c.unnamed };
  });
  return { result: { columns, complete: left.complete && right.complete } };
}

function analyzePrimary(node: P.QueryPrimaryContext, outer: Scope, analysis: Analysis): { result: QueryResult; block?: BlockInfo } {
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
    const visible = (relation.columns ?? []).filter((c) => !c.hidden);
    for (const column of visible) analysis.read(column.base, at);
    const columns = visible.map((c) => ({ name: c.name, type: c.type, passes: c.passes, at }));
    return { result: { columns, complete: relation.columns !== undefined }, block: { scope, distinct: false } };
  }
  return { result: EMPTY };
}

function analyzeSpecification(node: P.QuerySpecificationContext, outer: Scope, analysis: Analysis): { result: QueryResult; block: BlockInfo } {
  const scope = new Scope(outer, outer.withQueries);
  for (const relation of node.relation()) addRelation(relation, scope, analysis);
  scope.selectAliases = selectNames(node.selectList());
  const selected = selectColumns(node.selectList(), scope, analysis);

  const where = node.whereClause()?.booleanExpression();
  requireBoolean(where, typeOf(where, scope, analysis), (t) => typeMessages.notBoolean("the WHERE clause", t), analysis);
  forbidAggregates("the WHERE clause", where, analysis, "filter aggregates in HAVING, window functions in an outer query");

  const groupBy = node.groupBy();
  const grouped = groupBy === null ? undefined : groupingKeys(groupBy, selected.columns, scope, analysis);
  const keys = grouped?.keys;

  const having = node.havingClause()?.booleanExpression();
  requireBoolean(having, typeOf(having, scope, analysis), (t) => typeMessages.notBoolean("the HAVING clause", t), analysis);
  const [windowInHaving] = findCalls(having, new Set(["window"]), analysis);
  if (windowInHaving !== undefined) {
    analysis.report(windowInHaving, typeMessages.clauseWithAggregate("the HAVING clause", "window functions", shortText(analysis.sql, windowInHaving), "filter on the window function in an outer query"));
  }
  for (const window of node.windowDefinition()) walk(window.windowSpecification(), scope, analysis);

  const items = selected.columns.flatMap((c) => (c.expression === undefined ? [] : [c.expression]));
  const aggregated = keys !== undefined || items.some((e) => containsAggregate(e, analysis)) || containsAggregate(having, analysis);
  const distinct = node.setQuantifier()?.getText().toUpperCase() === "DISTINCT";
  // A GROUP BY position that was already reported leaves the keys unknown: no follow-on errors.
  if (!aggregated || grouped?.complete === false) {
    for (const item of items) checkNestedAggregates(item, analysis);
    return { result: { columns: selected.columns, complete: selected.complete }, block: { scope, distinct } };
  }
  const grouping = { keys: keys ?? new Set<string>(), relations: new Set<object>(scope.relations) };
  // `SELECT *` in an aggregated query: every expanded column must be a grouping key too (the first is reported).
  const ungrouped = selected.columns.find((c) => c.expression === undefined && c.sourceKey !== undefined && !grouping.keys.has(c.sourceKey));
  if (ungrouped !== undefined) analysis.reportAt(ungrouped.at, typeMessages.notAggregated(ungrouped.name ?? "*"));
  for (const item of items) checkGrouped(item, grouping, analysis);
  checkGrouped(having, grouping, analysis);
  return { result: { columns: selected.columns, complete: selected.complete }, block: { scope, distinct, grouping } };
}

/** VALUES rows: one column per row field, typed by what all rows coerce to, all unnamed. */
function valuesColumns(node: P.InlineTableContext, outer: Scope, analysis: Analysis): QueryResult {
  const rows = node.expression().map((row) => rowFieldsOf(row).map((field) => ({ node: field as RuleNode, type: typeOf(field, outer, analysis) })));
  const width = rows[0]?.length ?? 0;
  const at = positionOf(node);
  const unnamed = messages.unnamedValues();
  const columns = Array.from({ length: width }, (_, i) => {
    let type: string | undefined = UNKNOWN_TYPE;
    for (const row of rows) {
      const next: string | undefined | null = type === undefined ? undefined : commonSuperType(type, row[i]?.type);
      if (next === null) {
        analysis.report(row[i]!.node, typeMessages.noCommonType(`values of column ${i + 1} of VALUES`, [type!, row[i]!.type!], "CAST them to one type"));
        type = undefined;
        break;
      }
      type = next;
    }
    return { name: undefined, type, at, unnamed };
  });
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
