/**
 * The FROM clause: adds each relation to the query block's scope, left to right, so UNNEST and LATERAL
 * see the relations before them and JOIN ... ON sees both sides.
 */
import * as P from "../parse/trino-grammar.ts";
import { messages } from "../messages.ts";
import { identifierName, positionOf } from "../parse/tree.ts";
import { arrayElementType, mapEntryTypes, rowFields } from "../types/type-shapes.ts";
import type { Analysis } from "./analysis.ts";
import { requireBoolean, typeOf, walk } from "./expressions.ts";
import { forbidAggregates } from "./aggregation.ts";
import { matchRecognizeRelation } from "./match-recognize.ts";
import { comparisonType } from "./operator-types.ts";
import { typeMessages } from "../type-messages.ts";
import type { RuleNode } from "../parse/tree.ts";
import { analyzeQuery } from "./query.ts";
import { resolveColumn } from "./resolve-column.ts";
import { Scope, type QueryShape, type ScopeColumn, type ScopeRelation } from "./scope.ts";
import { tableRelation } from "./table-reference.ts";

export function addRelation(node: P.RelationContext, scope: Scope, analysis: Analysis): void {
  if (node instanceof P.RelationDefaultContext) {
    addSampled(node.sampledRelation(), scope, analysis);
    return;
  }
  if (!(node instanceof P.JoinRelationContext)) return;
  const left = node._left ?? node.relation(0);
  if (left) addRelation(left, scope, analysis);
  const leftCount = scope.relations.length;
  if (node._rightRelation !== undefined) addRelation(node._rightRelation, scope, analysis);
  else if (node._right !== undefined) addSampled(node._right, scope, analysis);
  if (node.KW_NATURAL() !== null) {
    // NATURAL JOIN joins on every column name both sides share, as USING would.
    const names = (relations: readonly ScopeRelation[]) => new Set(relations.flatMap((r) => (r.columns ?? []).filter((c) => !c.hidden).map((c) => c.name)));
    const right = names(scope.relations.slice(leftCount));
    for (const name of names(scope.relations.slice(0, leftCount))) if (name !== undefined && right.has(name)) scope.using.add(name);
  }
  const criteria = node.joinCriteria();
  if (criteria === null) return;
  if (criteria.KW_USING() !== null) {
    addUsing(criteria.identifier(), leftCount, scope, analysis);
    return;
  }
  const equality = criteria.joinColumnEquality();
  if (equality !== null) {
    const [left, right] = equality.joinColumnReference();
    const types = [left, right].map((side) => ({ node: side as RuleNode, type: typeOf(side?.columnName(), scope, analysis) }));
    if (left && right) comparisonType("=", types[0]!, types[1]!, equality, analysis);
    return;
  }
  const condition = criteria.booleanExpression();
  requireBoolean(condition, typeOf(condition, scope, analysis), (t) => typeMessages.notBoolean("the JOIN ON condition", t), analysis);
  forbidAggregates("the JOIN ON condition", condition, analysis, "join on columns; aggregate in a subquery first");
}

/** `USING (dt)`: the column must exist on both sides; afterwards `dt` alone is not ambiguous. */
function addUsing(identifiers: readonly P.IdentifierContext[], leftCount: number, scope: Scope, analysis: Analysis): void {
  for (const identifier of identifiers) {
    const name = identifierName(identifier);
    const at = positionOf(identifier);
    for (const side of [scope.relations.slice(0, leftCount), scope.relations.slice(leftCount)]) {
      const sideScope = new Scope(undefined, scope.withQueries);
      sideScope.relations.push(...side);
      // An earlier USING merged the name on the left side already.
      for (const merged of scope.using) sideScope.using.add(merged);
      resolveColumn([name], at, sideScope, analysis);
    }
    scope.using.add(name);
  }
}

function addSampled(node: P.SampledRelationContext, scope: Scope, analysis: Analysis): void {
  const pattern = node.patternRecognition();
  const before = scope.relations.length;
  addAliased(pattern.aliasedRelation(), scope, analysis);
  if (pattern.KW_MATCH_RECOGNIZE() !== null) {
    const [input] = scope.relations.splice(before);
    const relation = matchRecognizeRelation(pattern, input ?? { alias: undefined, label: "relation", columns: undefined }, scope, analysis);
    scope.relations.push(renameColumns(relation, pattern.columnAliases(), analysis));
  }
  // TABLESAMPLE's percentage.
  typeOf(node.expression(), scope, analysis);
}

function addAliased(node: P.AliasedRelationContext, scope: Scope, analysis: Analysis): void {
  const aliasNode = node.identifier();
  const alias = aliasNode === null ? undefined : identifierName(aliasNode);
  const primary = node.relationPrimary();
  if (primary instanceof P.ParenthesizedRelationContext) {
    addRelation(primary.relation(), scope, analysis);
    return;
  }
  const source = primary instanceof P.ExpressionSourceTableContext ? primary.relationSourceTable() : undefined;
  if (source instanceof P.UnnestContext) {
    scope.relations.push(unnestRelation(source, alias, node.columnAliases(), scope, analysis));
    return;
  }
  let relation: ScopeRelation = { alias, label: alias ?? "relation", columns: undefined };
  if (primary instanceof P.TableNameContext) {
    const name = primary.tableOrViewName();
    const reference = name.tableRef() ?? name.viewRef();
    if (reference !== null) relation = tableRelation(reference.identifier(), alias, scope, analysis, reference);
    walk(primary.queryPeriod(), scope, analysis);
  } else if (source !== undefined) {
    relation = sourceRelation(source, alias, scope, analysis);
  }
  scope.relations.push(renameColumns(relation, node.columnAliases(), analysis));
}

function sourceRelation(
  source: P.RelationSourceTableContext,
  alias: string | undefined,
  scope: Scope,
  analysis: Analysis,
): ScopeRelation {
  if (source instanceof P.SubqueryRelationContext) {
    // LATERAL (blanked by the grammar workaround) sees the relations before it; a plain subquery does not.
    if (analysis.workarounds.laterals.has(source.start?.start ?? -1)) {
      return shapeRelation(analyzeQuery(source.query(), scope, analysis), alias, `LATERAL ${alias ?? ""}`.trim());
    }
    const shape = analyzeQuery(source.query(), new Scope(scope.parent, scope.withQueries), analysis);
    return shapeRelation(shape, alias, alias === undefined ? "subquery" : `subquery ${alias}`);
  }
  if (source instanceof P.LateralContext) {
    return shapeRelation(analyzeQuery(source.query(), scope, analysis), alias, `LATERAL ${alias ?? ""}`.trim());
  }
  // Table functions and JSON_TABLE: walk for column references, shape unknown.
  walk(source, scope, analysis);
  return { alias, label: alias ?? "table function", columns: undefined };
}

function shapeRelation(shape: QueryShape, alias: string | undefined, label: string): ScopeRelation {
  return { alias, label, columns: shape.complete ? shape.columns.map((c) => ({ name: c.name, type: c.type, passes: c.passes })) : undefined };
}

/**
 * `UNNEST(tags) AS t(tag)`: an array gives one column (or one per field of a row element), a map two,
 * WITH ORDINALITY one more. Without column aliases only row fields are named.
 */
function unnestRelation(
  node: P.UnnestContext,
  alias: string | undefined,
  aliases: P.ColumnAliasesContext | null,
  scope: Scope,
  analysis: Analysis,
): ScopeRelation {
  const columns: ScopeColumn[] = [];
  let known = true;
  const arguments_ = node.expression();
  // One alias for one array of rows: accept the row as a single column (older engines did this) rather than guess.
  const singleRow = arguments_.length === 1 && aliases?.identifier().length === 1;
  for (const argument of arguments_) {
    const type = typeOf(argument, scope, analysis);
    const element = arrayElementType(type);
    const entry = mapEntryTypes(type);
    const fields = singleRow ? undefined : rowFields(element);
    if (fields !== undefined) columns.push(...fields.map((f) => ({ name: f.name, type: f.type })));
    else if (element !== undefined) columns.push({ name: undefined, type: element });
    else if (entry !== undefined) columns.push({ name: undefined, type: entry.key }, { name: undefined, type: entry.value });
    else known = false;
  }
  if (node.KW_ORDINALITY() !== null) columns.push({ name: undefined, type: "bigint" });
  const label = alias === undefined ? "UNNEST" : `UNNEST ${alias}`;
  if (aliases !== null && !known) {
    // The element types are unknown: the names are all there is.
    return { alias, label, columns: aliases.identifier().map((i) => ({ name: identifierName(i), type: undefined })) };
  }
  return renameColumns({ alias, label, columns: known ? columns : undefined }, aliases, analysis);
}

/** Applies `AS t(a, b)` column names, checking there is one per column. */
function renameColumns(relation: ScopeRelation, aliases: P.ColumnAliasesContext | null, analysis: Analysis): ScopeRelation {
  if (aliases === null || relation.columns === undefined) return relation;
  const names = aliases.identifier().map(identifierName);
  // Hidden columns ("$path") keep their names; the aliases name the visible ones.
  const visible = relation.columns.filter((c) => !c.hidden);
  if (names.length !== visible.length) {
    analysis.report(aliases, messages.aliasColumnCount(relation.alias ?? "", names.length, relation.label, visible.length));
    return { ...relation, columns: undefined };
  }
  const renamed = visible.map((c, i) => ({ ...c, name: names[i] }));
  return { ...relation, columns: [...renamed, ...relation.columns.filter((c) => c.hidden)] };
}
