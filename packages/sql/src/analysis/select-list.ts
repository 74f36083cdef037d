/**
 * The SELECT list of one query block: expands `*` and `t.*`, names each column the way Trino does
 * (alias, else the column or field name, else unnamed) and infers its type.
 */
import * as P from "../parse/trino-grammar.ts";
import { messages } from "../messages.ts";
import { identifierName, positionOf, shortText, type Position, type RuleNode } from "../parse/tree.ts";
import { columnKey } from "./aggregation.ts";
import { closest } from "../suggest.ts";
import { rowFields } from "../types/type-shapes.ts";
import type { Analysis } from "./analysis.ts";
import { columnType, nameParts, typeOf } from "./expressions.ts";
import { passThrough } from "./resolve-column.ts";
import type { ColumnUse } from "../result.ts";
import type { Scope, ScopeColumn, ScopeRelation } from "./scope.ts";

/** A column a query produces, with where it comes from for output checks. */
export interface SelectedColumn extends ScopeColumn {
  readonly at: Position;
  /** Why the column has no name, when it has none. */
  readonly unnamed?: string | undefined;
  /** The select item's expression, for GROUP BY / ORDER BY positions and the aggregation rules. */
  readonly expression?: RuleNode | undefined;
  /** For a column `*` expanded: its grouping key (see aggregation.ts). */
  readonly sourceKey?: string | undefined;
}

export interface SelectedColumns {
  readonly columns: SelectedColumn[];
  /** False when some `*` could not be expanded. */
  complete: boolean;
}

/** The output names the list gives explicitly or implicitly, before anything is resolved. */
export function selectNames(list: P.SelectListContext): Set<string> {
  const names = new Set<string>();
  for (const item of list.selectItem()) {
    const alias = item.identifier();
    if (alias !== null) names.add(identifierName(alias));
  }
  return names;
}

export function selectColumns(list: P.SelectListContext, scope: Scope, analysis: Analysis): SelectedColumns {
  const result: SelectedColumns = { columns: [], complete: true };
  for (const item of list.selectItem()) {
    const at = positionOf(item);
    if (item.selectAllWithoutTable() !== null) {
      expandAll(scope, at, result, analysis);
      continue;
    }
    const all = item.tableAllColumns();
    if (all !== null) {
      expandQualified(all, item.columnAliases(), scope, at, result, analysis);
      continue;
    }
    const aliasNode = item.identifier();
    const alias = aliasNode === null ? undefined : identifierName(aliasNode);
    const reference = item.selectLiteralColumnName()?.columnRef().qualifiedName() ?? null;
    const expression = item.selectExpressionColumnName()?.expression() ?? null;
    let type: string | undefined;
    let name = alias;
    let passes: readonly ColumnUse[] = [];
    if (reference !== null) {
      type = columnType(reference, scope, analysis);
      name ??= nameParts(reference).at(-1);
      passes = passThrough(nameParts(reference), scope);
    } else if (expression !== null) {
      type = typeOf(expression, scope, analysis);
      name ??= implicitName(expression);
      const bare = bareReference(expression);
      if (bare !== undefined) passes = passThrough(nameParts(bare), scope);
    }
    const unnamed = name === undefined ? messages.unnamedExpression(shortText(analysis.sql, expression ?? item)) : undefined;
    result.columns.push({ name, type, passes, at, unnamed, expression: reference ?? expression ?? undefined });
  }
  return result;
}

/** Trino names `col`, `t.col` and `device.os` after their last part; other expressions get no name. */
function implicitName(expression: P.ExpressionContext): string | undefined {
  const predicated = expression.booleanExpression();
  if (!(predicated instanceof P.PredicatedContext) || predicated.predicate() !== null) return undefined;
  const value = predicated.valueExpression();
  if (!(value instanceof P.ValueExpressionDefaultContext)) return undefined;
  const primary = value.primaryExpression();
  if (primary instanceof P.ColumnReferenceContext) return nameParts(primary.columnName().qualifiedName()).at(-1);
  if (primary instanceof P.DereferenceContext) return identifierName(primary.identifier());
  if (primary instanceof P.ParenthesizedExpressionContext) return implicitName(primary.expression());
  return undefined;
}

/** The column an expression only names, `(col)` included; anything computed is not a bare reference. */
function bareReference(expression: P.ExpressionContext): P.QualifiedNameContext | undefined {
  const predicated = expression.booleanExpression();
  if (!(predicated instanceof P.PredicatedContext) || predicated.predicate() !== null) return undefined;
  const value = predicated.valueExpression();
  if (!(value instanceof P.ValueExpressionDefaultContext)) return undefined;
  const primary = value.primaryExpression();
  if (primary instanceof P.ColumnReferenceContext) return primary.columnName().qualifiedName();
  if (primary instanceof P.ParenthesizedExpressionContext) return bareReference(primary.expression());
  return undefined;
}

function pushRelation(relation: ScopeRelation, skip: ReadonlySet<string>, at: Position, result: SelectedColumns, analysis: Analysis): void {
  if (relation.columns === undefined) {
    result.complete = false;
    return;
  }
  relation.columns.forEach((column, index) => {
    if (column.hidden || (column.name !== undefined && skip.has(column.name))) return;
    analysis.read(column.base, at);
    const unnamed = column.name === undefined ? messages.unnamedStarColumn(index + 1, relation.label) : undefined;
    result.columns.push({ name: column.name, type: column.type, passes: column.passes, at, unnamed, sourceKey: columnKey(relation, column.name ?? "") });
  });
}

/** `*`: USING columns once first (as Trino does), then every relation's columns in FROM order. */
function expandAll(scope: Scope, at: Position, result: SelectedColumns, analysis: Analysis): void {
  for (const name of scope.using) {
    const owners = scope.relations.filter((r) => r.columns?.some((c) => c.name === name));
    const first = owners[0]?.columns?.find((c) => c.name === name);
    for (const owner of owners) analysis.read(owner.columns?.find((c) => c.name === name)?.base, at);
    const passes = owners.flatMap((owner) => owner.columns?.find((c) => c.name === name)?.passes ?? []);
    result.columns.push({ name, type: first?.type, passes, at, sourceKey: columnKey(owners[0], name) });
  }
  for (const relation of scope.relations) pushRelation(relation, scope.using, at, result, analysis);
}

/** `t.*` (a relation's columns) or `r.*` (a row column's fields), optionally renamed with `AS (a, b)`. */
function expandQualified(
  node: P.TableAllColumnsContext,
  aliases: P.ColumnAliasesContext | null,
  scope: Scope,
  at: Position,
  result: SelectedColumns,
  analysis: Analysis,
): void {
  const start = result.columns.length;
  const primary = node.primaryExpression();
  const parts = primary instanceof P.ColumnReferenceContext ? nameParts(primary.columnName().qualifiedName()) : undefined;
  const relation = parts === undefined ? undefined : findRelation(scope, parts);
  if (relation !== undefined) {
    pushRelation(relation, new Set(), at, result, analysis);
  } else if (parts?.length === 1 && !scope.relations.some((r) => r.columns === undefined || r.columns.some((c) => c.name === parts[0]))) {
    const candidates = scope.relations.flatMap((r) => (r.alias === undefined ? [] : [r.alias]));
    analysis.reportAt(at, messages.unknownQualifier(parts[0] ?? "", `${parts[0]}.*`, scope.relations, closest(parts[0] ?? "", candidates)));
    result.complete = false;
  } else {
    const fields = rowFields(typeOf(primary, scope, analysis));
    if (fields === undefined) result.complete = false;
    for (const field of fields ?? []) result.columns.push({ name: field.name, type: field.type, at });
  }
  if (aliases === null) return;
  const names = aliases.identifier().map(identifierName);
  const expanded = result.columns.splice(start);
  if (names.length !== expanded.length && result.complete) {
    analysis.report(aliases, messages.aliasColumnCount(parts?.join(".") ?? "", names.length, relation?.label ?? "the row", expanded.length));
  }
  result.columns.push(...names.map((name, i) => ({ name, type: expanded[i]?.type, passes: expanded[i]?.passes, at })));
}

/** The relation `t` or `db.table` names in this query block's FROM. */
function findRelation(scope: Scope, parts: readonly string[]): ScopeRelation | undefined {
  const [first, second] = parts;
  if (parts.length === 1) return scope.relations.find((r) => r.alias === first);
  if (parts.length === 2) return scope.relations.find((r) => r.table !== undefined && r.table.database === first && r.table.name === second && r.alias === second);
  return undefined;
}
