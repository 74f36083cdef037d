/**
 * Walks an expression: resolves every column reference in it (checking the name, recording catalog
 * reads) and infers its Trino type where that is certain. Constructs it does not know are still walked
 * for column references, and their type is unknown.
 */
import * as P from "dt-sql-parser/dist/lib/trino/TrinoSqlParser.js";
import { identifierName, isToken, positionOf, sourceText, type ParseTree } from "../parse/tree.ts";
import { UNKNOWN_TYPE, arithmeticType, commonSuperType, commonSuperTypeOf } from "../types/coercion.ts";
import { normalizeTrinoType } from "../types/trino-type.ts";
import { arrayElementType, mapEntryTypes, rowFields, withTimeZone } from "../types/type-shapes.ts";
import type { Analysis } from "./analysis.ts";
import { functionCallType } from "./function-call.ts";
import { intervalType, numberType, typeConstructorType } from "./literals.ts";
import { analyzeQuery } from "./query.ts";
import { resolveColumn } from "./resolve-column.ts";
import type { Scope } from "./scope.ts";

/** The parts of a dotted name, folded as Athena folds them. */
export function nameParts(node: P.QualifiedNameContext): string[] {
  return node.identifier().map(identifierName);
}

/** Resolves a dotted column name and returns its type. */
export function columnType(node: P.QualifiedNameContext, scope: Scope, analysis: Analysis): string | undefined {
  return resolveColumn(nameParts(node), positionOf(node), scope, analysis);
}

/** Visits every child, for constructs whose type is not inferred but whose column references count. */
export function walk(node: ParseTree | null | undefined, scope: Scope, analysis: Analysis): void {
  if (node === null || node === undefined || isToken(node)) return;
  for (const child of (node as P.ExpressionContext).children ?? []) typeOf(child, scope, analysis);
}

/** The Trino type of an expression node (undefined when unknown), resolving the columns it uses. */
export function typeOf(node: ParseTree | null | undefined, scope: Scope, analysis: Analysis): string | undefined {
  if (node === null || node === undefined || isToken(node)) return undefined;
  if (node instanceof P.ExpressionContext) return typeOf(node.booleanExpression(), scope, analysis);
  if (node instanceof P.PredicatedContext) {
    const type = typeOf(node.valueExpression(), scope, analysis);
    const predicate = node.predicate();
    if (predicate === null) return type;
    walk(predicate, scope, analysis);
    return "boolean";
  }
  if (node instanceof P.LogicalNotContext || node instanceof P.AndContext || node instanceof P.OrContext) {
    walk(node, scope, analysis);
    return "boolean";
  }
  if (node instanceof P.ValueExpressionDefaultContext) return typeOf(node.primaryExpression(), scope, analysis);
  if (node instanceof P.ArithmeticUnaryContext) return typeOf(node.valueExpression(), scope, analysis);
  if (node instanceof P.ArithmeticBinaryContext) {
    const left = typeOf(node._left, scope, analysis);
    const right = typeOf(node._right, scope, analysis);
    return arithmeticType(node._operator?.text ?? "", left, right);
  }
  if (node instanceof P.ConcatenationContext) {
    const left = typeOf(node._left, scope, analysis);
    const right = typeOf(node._right, scope, analysis);
    return left?.startsWith("array(") || right?.startsWith("array(") ? commonSuperType(left, right) : "varchar";
  }
  if (node instanceof P.AtTimeZoneContext) {
    walk(node.timeZoneSpecifier(), scope, analysis);
    return withTimeZone(typeOf(node.valueExpression(), scope, analysis));
  }
  if (node instanceof P.PrimaryExpressionContext) return primaryType(node, scope, analysis);
  if (node instanceof P.ColumnRefContext || node instanceof P.ColumnNameContext) {
    const name = node.qualifiedName();
    return name === null ? undefined : columnType(name, scope, analysis);
  }
  if (node instanceof P.QueryContext) return scalarSubqueryType(node, scope, analysis);
  walk(node, scope, analysis);
  return undefined;
}

/** A scalar subquery's type is its only column's type. */
function scalarSubqueryType(node: P.QueryContext, scope: Scope, analysis: Analysis): string | undefined {
  const shape = analyzeQuery(node, scope, analysis);
  return shape.columns.length === 1 ? shape.columns[0]?.type : undefined;
}

function primaryType(node: P.PrimaryExpressionContext, scope: Scope, analysis: Analysis): string | undefined {
  if (node instanceof P.ColumnReferenceContext) return columnType(node.columnName().qualifiedName(), scope, analysis);
  if (node instanceof P.FunctionCallContext) return functionCallType(node, scope, analysis);
  if (node instanceof P.ParenthesizedExpressionContext) return typeOf(node.expression(), scope, analysis);
  if (node instanceof P.NumericLiteralContext) return numberType(node.number());
  // Trino types 'abc' as varchar(3); unbounded varchar is what views store and compare, so use that.
  if (node instanceof P.StringLiteralContext) return "varchar";
  if (node instanceof P.BooleanLiteralContext) return "boolean";
  if (node instanceof P.NullLiteralContext) return UNKNOWN_TYPE;
  if (node instanceof P.BinaryLiteralContext) return "varbinary";
  if (node instanceof P.TypeConstructorContext) return typeConstructorType(node);
  if (node instanceof P.IntervalLiteralContext) return intervalType(node.interval());
  if (node instanceof P.CastContext) {
    typeOf(node.expression(), scope, analysis);
    return normalizeTrinoType(sourceText(analysis.sql, node.type()));
  }
  if (node instanceof P.SearchedCaseContext || node instanceof P.SimpleCaseContext) return caseType(node, scope, analysis);
  if (node instanceof P.CoalesceContext) return commonSuperTypeOf(node.expression().map((e) => typeOf(e, scope, analysis)));
  if (node instanceof P.SubscriptContext) {
    const container = typeOf(node.primaryExpression(), scope, analysis);
    const index = typeOf(node.valueExpression(), scope, analysis);
    return subscriptType(container, index, node.valueExpression().getText());
  }
  if (node instanceof P.DereferenceContext) {
    const base = typeOf(node.primaryExpression(), scope, analysis);
    const field = identifierName(node.identifier());
    return rowFields(base)?.find((f) => f.name === field)?.type;
  }
  if (node instanceof P.ArrayConstructorContext) {
    const types = node.expression().map((e) => typeOf(e, scope, analysis));
    const element = types.length === 0 ? undefined : commonSuperTypeOf(types);
    return element === undefined || element === UNKNOWN_TYPE ? undefined : `array(${element})`;
  }
  if (node instanceof P.RowConstructorContext) {
    const types = node.expression().map((e) => typeOf(e, scope, analysis));
    return types.every((t) => t !== undefined && t !== UNKNOWN_TYPE) ? `row(${types.join(", ")})` : undefined;
  }
  if (node instanceof P.LambdaContext) {
    // Outside a function call that types its parameters: parameters are known names of unknown type.
    const parameters = new Map(node.identifier().map((i) => [identifierName(i), undefined] as const));
    return typeOf(node.expression(), scope.lambda(parameters), analysis);
  }
  if (node instanceof P.SubqueryExpressionContext) return scalarSubqueryType(node.query(), scope, analysis);
  if (node instanceof P.ExistsContext) {
    analyzeQuery(node.query(), scope, analysis);
    return "boolean";
  }
  if (node instanceof P.GroupingOperationContext) {
    for (const name of node.qualifiedName()) columnType(name, scope, analysis);
    return "bigint";
  }
  walk(node, scope, analysis);
  return specialFormType(node);
}

/** Keyword forms with a fixed type (their operands were walked already). */
function specialFormType(node: P.PrimaryExpressionContext): string | undefined {
  if (node instanceof P.CurrentDateContext) return "date";
  if (node instanceof P.CurrentTimestampContext) return `timestamp(${node._precision?.text ?? 3}) with time zone`;
  if (node instanceof P.LocalTimestampContext) return `timestamp(${node._precision?.text ?? 3})`;
  if (node instanceof P.CurrentTimeContext) return `time(${node._precision?.text ?? 3}) with time zone`;
  if (node instanceof P.LocalTimeContext) return `time(${node._precision?.text ?? 3})`;
  if (node instanceof P.ExtractContext || node instanceof P.PositionContext) return "bigint";
  if (node instanceof P.JsonExistsContext) return "boolean";
  if (
    node instanceof P.TrimContext ||
    node instanceof P.SubstringContext ||
    node instanceof P.NormalizeContext ||
    node instanceof P.ListAggContext ||
    node instanceof P.CurrentUserContext ||
    node instanceof P.CurrentCatalogContext ||
    node instanceof P.CurrentSchemaContext ||
    node instanceof P.CurrentPathContext
  ) {
    return "varchar";
  }
  return undefined;
}

function caseType(node: P.SearchedCaseContext | P.SimpleCaseContext, scope: Scope, analysis: Analysis): string | undefined {
  if (node instanceof P.SimpleCaseContext) typeOf(node._operand, scope, analysis);
  const results = node.whenClause().map((when) => {
    typeOf(when._condition, scope, analysis);
    return typeOf(when._result, scope, analysis);
  });
  if (node._elseExpression !== undefined) results.push(typeOf(node._elseExpression, scope, analysis));
  const type = commonSuperTypeOf(results);
  return type === UNKNOWN_TYPE ? undefined : type;
}

/** `arr[1]` → element type; `m['k']` → value type; `r[2]` → the second field's type. */
function subscriptType(container: string | undefined, index: string | undefined, indexText: string): string | undefined {
  const element = arrayElementType(container);
  if (element !== undefined) return element;
  const entry = mapEntryTypes(container);
  if (entry !== undefined) return entry.value;
  const fields = rowFields(container);
  const position = Number(indexText);
  return fields !== undefined && index !== undefined && Number.isInteger(position) ? fields[position - 1]?.type : undefined;
}
