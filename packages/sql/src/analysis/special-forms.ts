/**
 * Primary expressions other than function calls: literals, CAST, CASE, COALESCE, subscripts and field
 * access, constructors, subqueries, and the keyword forms (EXTRACT, TRIM, LISTAGG, JSON_VALUE, ...), typed as
 * Trino types them.
 */
import * as P from "../parse/trino-grammar.ts";
import { identifierName, shortText, sourceText, type RuleNode } from "../parse/tree.ts";
import { messages } from "../messages.ts";
import { typeMessages } from "../type-messages.ts";
import { commonSuperType, UNKNOWN_TYPE, canCoerce } from "../types/type-coercion.ts";
import { normalizeTrinoType } from "../types/trino-type.ts";
import { arrayElementType, isIntegerType, mapEntryTypes, rowFields } from "../types/type-shapes.ts";
import type { Analysis } from "./analysis.ts";
import { castFix } from "./cast-fix.ts";
import { columnType, requireBoolean, typeOf, walk } from "./expressions.ts";
import { functionCallType } from "./function-call.ts";
import { intervalType, numberType, stringLiteralType, typeConstructorType } from "./literals.ts";
import { analyzeQuery } from "./query.ts";
import type { Scope } from "./scope.ts";

export function primaryType(node: P.PrimaryExpressionContext, scope: Scope, analysis: Analysis): string | undefined {
  if (node instanceof P.ColumnReferenceContext) return columnType(node.columnName().qualifiedName(), scope, analysis);
  if (node instanceof P.FunctionCallContext) return functionCallType(node, scope, analysis);
  if (node instanceof P.ParenthesizedExpressionContext) return typeOf(node.expression(), scope, analysis);
  if (node instanceof P.NumericLiteralContext) return numberType(node.number());
  if (node instanceof P.StringLiteralContext) return stringLiteralType(node.string());
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
  if (node instanceof P.CoalesceContext) {
    const operands = node.expression().map((e) => ({ node: e as RuleNode, type: typeOf(e, scope, analysis) }));
    return commonTypeOf("COALESCE operands", operands, analysis);
  }
  if (node instanceof P.SubscriptContext) return subscriptType(node, scope, analysis);
  if (node instanceof P.DereferenceContext) {
    const base = typeOf(node.primaryExpression(), scope, analysis);
    const field = identifierName(node.identifier());
    const fields = rowFields(base);
    if (base === undefined) return undefined;
    const match = fields?.find((f) => f.name === field);
    if (fields === undefined) analysis.report(node.identifier(), messages.notARow(shortText(analysis.sql, node), shortText(analysis.sql, node.primaryExpression()), base));
    else if (match === undefined) {
      const names = fields.flatMap((f) => (f.name === undefined ? [] : [f.name]));
      analysis.report(node.identifier(), messages.unknownField(shortText(analysis.sql, node.primaryExpression()), field, names, undefined));
    }
    return match?.type;
  }
  if (node instanceof P.ArrayConstructorContext) {
    const elements = node.expression().map((e) => ({ node: e as RuleNode, type: typeOf(e, scope, analysis) }));
    if (elements.length === 0) return "array(unknown)";
    const element = commonTypeOf("ARRAY elements", elements, analysis);
    return element === undefined ? undefined : `array(${element})`;
  }
  if (node instanceof P.RowConstructorContext) {
    const types = node.expression().map((e) => typeOf(e, scope, analysis));
    return types.every((t) => t !== undefined) ? `row(${types.join(", ")})` : undefined;
  }
  if (node instanceof P.LambdaContext) {
    analysis.report(node, typeMessages.lambdaOutsideCall());
    const parameters = new Map(node.identifier().map((i) => [identifierName(i), undefined] as const));
    typeOf(node.expression(), scope.lambda(parameters), analysis);
    return undefined;
  }
  if (node instanceof P.SubqueryExpressionContext) {
    const shape = analyzeQuery(node.query(), scope, analysis);
    if (shape.complete && shape.columns.length !== 1) analysis.report(node, typeMessages.scalarSubqueryColumns(shape.columns.length));
    return shape.columns.length === 1 ? shape.columns[0]?.type : undefined;
  }
  if (node instanceof P.ExistsContext) {
    analyzeQuery(node.query(), scope, analysis);
    return "boolean";
  }
  if (node instanceof P.GroupingOperationContext) {
    for (const name of node.qualifiedName()) columnType(name, scope, analysis);
    return "bigint";
  }
  if (node instanceof P.ListAggContext) {
    analysis.callKinds.set(node, "aggregate");
    walk(node, scope, analysis);
    return "varchar";
  }
  if (node instanceof P.JsonValueContext || node instanceof P.JsonQueryContext || node instanceof P.JsonObjectContext || node instanceof P.JsonArrayContext) {
    walk(node, scope, analysis);
    const returning = node.type();
    return returning === null ? "varchar" : normalizeTrinoType(sourceText(analysis.sql, returning));
  }
  walk(node, scope, analysis);
  return keywordFormType(node);
}

/** Keyword forms with a fixed type (their operands were walked already). */
function keywordFormType(node: P.PrimaryExpressionContext): string | undefined {
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
    node instanceof P.CurrentUserContext ||
    node instanceof P.CurrentCatalogContext ||
    node instanceof P.CurrentSchemaContext ||
    node instanceof P.CurrentPathContext
  ) {
    return "varchar";
  }
  return undefined;
}

/** The type several values meet at (CASE results, COALESCE operands, ARRAY elements), reporting a clash. */
export function commonTypeOf(construct: string, operands: readonly { readonly node: RuleNode; readonly type: string | undefined }[], analysis: Analysis): string | undefined {
  let common: string = UNKNOWN_TYPE;
  for (const operand of operands) {
    if (operand.type === undefined) return undefined;
    const next = commonSuperType(common, operand.type);
    if (next === null) {
      const example = `CAST(${shortText(analysis.sql, operand.node, 40)} AS ${common.replace(/^varchar\(\d+\)$/, "varchar")})`;
      analysis.report(operand.node, typeMessages.noCommonType(construct, [common, operand.type], `CAST them to one type, e.g. ${example}`));
      return undefined;
    }
    common = next ?? common;
  }
  return common;
}

function caseType(node: P.SearchedCaseContext | P.SimpleCaseContext, scope: Scope, analysis: Analysis): string | undefined {
  const operand = node instanceof P.SimpleCaseContext ? { node: node._operand as RuleNode, type: typeOf(node._operand, scope, analysis) } : undefined;
  const results: { node: RuleNode; type: string | undefined }[] = [];
  for (const when of node.whenClause()) {
    const condition = typeOf(when._condition, scope, analysis);
    if (operand === undefined) {
      requireBoolean(when._condition, condition, (t) => typeMessages.notBoolean("a CASE WHEN condition", t), analysis);
    } else if (operand.type !== undefined && condition !== undefined && commonSuperType(operand.type, condition) === null) {
      const fix = castFix({ text: shortText(analysis.sql, operand.node, 40), type: operand.type }, "=", { text: shortText(analysis.sql, when._condition!, 40), type: condition });
      analysis.report(when._condition, typeMessages.operator(operand.type, "=", condition, fix));
    }
    results.push({ node: when._result as RuleNode, type: typeOf(when._result, scope, analysis) });
  }
  if (node._elseExpression !== undefined) results.push({ node: node._elseExpression, type: typeOf(node._elseExpression, scope, analysis) });
  return commonTypeOf("CASE results", results, analysis);
}

/** `arr[1]` → element type; `m['k']` → value type; `r[2]` → the second field's type. */
function subscriptType(node: P.SubscriptContext, scope: Scope, analysis: Analysis): string | undefined {
  const container = typeOf(node.primaryExpression(), scope, analysis);
  const indexNode = node.valueExpression();
  const index = typeOf(indexNode, scope, analysis);
  if (container === undefined) return undefined;
  const element = arrayElementType(container);
  if (element !== undefined) {
    if (index !== undefined && index !== UNKNOWN_TYPE && !isIntegerType(index)) analysis.report(indexNode, typeMessages.subscriptIndex(container, index));
    return element;
  }
  const entry = mapEntryTypes(container);
  if (entry !== undefined) {
    if (index !== undefined && !canCoerce(index, entry.key)) analysis.report(indexNode, typeMessages.subscriptIndex(container, index));
    return entry.value;
  }
  const fields = rowFields(container);
  if (fields !== undefined) {
    const position = Number(indexNode.getText());
    return Number.isInteger(position) ? fields[position - 1]?.type : undefined;
  }
  if (container !== UNKNOWN_TYPE) analysis.report(node, typeMessages.notSubscriptable(container));
  return undefined;
}
