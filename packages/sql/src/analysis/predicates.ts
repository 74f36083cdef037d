/**
 * Predicates after a value: comparisons (quantified ones too), BETWEEN, IN, LIKE, IS NULL and IS DISTINCT
 * FROM. Each is typed as Trino types it: the operands must meet at a common type that can be compared.
 */
import * as P from "../parse/trino-grammar.ts";
import { shortText, type RuleNode } from "../parse/tree.ts";
import { typeMessages } from "../type-messages.ts";
import { commonSuperType, UNKNOWN_TYPE } from "../types/type-coercion.ts";
import { baseName } from "../types/type-coercion.ts";
import { parseTrinoType } from "../types/trino-type.ts";
import type { Analysis } from "./analysis.ts";
import { castFix } from "./cast-fix.ts";
import { comparisonType } from "./operator-types.ts";
import { analyzeQuery } from "./query.ts";
import type { Scope } from "./scope.ts";
import { typeOf } from "./expressions.ts";

function isString(type: string): boolean {
  const parsed = parseTrinoType(type);
  return parsed !== undefined && (baseName(parsed) === "varchar" || baseName(parsed) === "char");
}

/** The quantifier the grammar workaround blanked in front of this subquery, if any. */
function quantifierOf(node: P.ValueExpressionContext, analysis: Analysis): string | undefined {
  if (!(node instanceof P.ValueExpressionDefaultContext)) return undefined;
  const primary = node.primaryExpression();
  if (!(primary instanceof P.SubqueryExpressionContext)) return undefined;
  return analysis.workarounds.quantifiers.get(primary.start?.start ?? -1);
}

/** The single column a subquery compared with a value selects, or undefined. */
function subqueryColumnType(node: P.QueryContext, scope: Scope, analysis: Analysis): string | undefined {
  const shape = analyzeQuery(node, scope, analysis);
  if (shape.complete && shape.columns.length !== 1) {
    analysis.report(node, typeMessages.quantifiedColumns(shape.columns.length));
    return undefined;
  }
  return shape.columns[0]?.type;
}

export function predicateType(
  node: P.PredicateContext,
  valueNode: P.ValueExpressionContext,
  value: string | undefined,
  scope: Scope,
  analysis: Analysis,
): string {
  const left = { node: valueNode as RuleNode, type: value };
  if (node instanceof P.ComparisonContext) {
    const rightNode = node.valueExpression();
    const operator = node.comparisonOperator();
    const symbol = operator.getText();
    const quantifier = quantifierOf(rightNode, analysis);
    if (quantifier !== undefined) {
      const primary = (rightNode as P.ValueExpressionDefaultContext).primaryExpression() as P.SubqueryExpressionContext;
      const type = subqueryColumnType(primary.query(), scope, analysis);
      return comparisonType(symbol, left, { node: rightNode, type, text: `${quantifier} ${shortText(analysis.sql, rightNode, 40)}` }, operator, analysis);
    }
    return comparisonType(symbol, left, { node: rightNode, type: typeOf(rightNode, scope, analysis) }, operator, analysis);
  }
  if (node instanceof P.DistinctFromContext) {
    const rightNode = node.valueExpression();
    return comparisonType("IS DISTINCT FROM", left, { node: rightNode, type: typeOf(rightNode, scope, analysis) }, node, analysis);
  }
  if (node instanceof P.QuantifiedComparisonContext) {
    const type = subqueryColumnType(node.query(), scope, analysis);
    return comparisonType(node.comparisonOperator().getText(), left, { node: node.query(), type }, node.comparisonOperator(), analysis);
  }
  if (node instanceof P.BetweenContext) {
    const lower = typeOf(node._lower, scope, analysis);
    const upper = typeOf(node._upper, scope, analysis);
    if (value !== undefined && lower !== undefined && upper !== undefined) {
      const bounds = commonSuperType(lower, upper);
      const common = bounds === null || bounds === undefined ? bounds : commonSuperType(value, bounds);
      if (common === null) analysis.report(node, typeMessages.between(value, lower, upper));
    }
    return "boolean";
  }
  if (node instanceof P.InListContext) {
    inListTypes(node, left, scope, analysis);
    return "boolean";
  }
  if (node instanceof P.InSubqueryContext) {
    const type = subqueryColumnType(node.query(), scope, analysis);
    comparisonType("=", left, { node: node.query(), type }, node, analysis);
    return "boolean";
  }
  if (node instanceof P.LikeContext) {
    const pattern = typeOf(node._pattern, scope, analysis);
    typeOf(node._escape, scope, analysis);
    if (value !== undefined && value !== UNKNOWN_TYPE && !isString(value)) analysis.report(node, typeMessages.like(value));
    else if (pattern !== undefined && pattern !== UNKNOWN_TYPE && !isString(pattern)) analysis.report(node._pattern ?? node, typeMessages.likePattern(pattern));
    return "boolean";
  }
  // IS [NOT] NULL takes any type.
  return "boolean";
}

/** `x IN (a, b, c)`: the value and every item must meet at one type. */
function inListTypes(node: P.InListContext, left: { node: RuleNode; type: string | undefined }, scope: Scope, analysis: Analysis): void {
  const items = node.expression().map((e) => ({ node: e as RuleNode, type: typeOf(e, scope, analysis) }));
  let common: string | undefined | null = left.type;
  for (const item of items) {
    const next: string | undefined | null = common === undefined || common === null ? common : commonSuperType(common, item.type);
    if (next === null && left.type !== undefined && item.type !== undefined) {
      const fix = castFix(
        { text: shortText(analysis.sql, left.node, 40), type: left.type },
        "IN",
        { text: shortText(analysis.sql, item.node, 40), type: item.type },
      ).replace(" IN ", " IN (").concat(", ...)");
      analysis.report(item.node, typeMessages.noCommonType("IN values and list items", [left.type, item.type], fix));
      return;
    }
    common = next;
  }
}
