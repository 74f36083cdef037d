/**
 * Operators typed as Trino types them: `a + b` is the function $add resolved against its signatures, so an
 * operator on types it has no signature for is the error Athena gives ("cannot apply operator: varchar +
 * integer"), with a CAST that fixes it.
 */
import type * as P from "../parse/trino-grammar.ts";
import { lookupFunction } from "../functions/function-catalog.ts";
import { arithmeticOperator, comparisonOperator, operatorSignatures, type OperatorName } from "../functions/operators.ts";
import { resolveCall } from "../functions/resolve-call.ts";
import { shortText, type RuleNode, type Token } from "../parse/tree.ts";
import { typeMessages } from "../type-messages.ts";
import type { Analysis } from "./analysis.ts";
import { castFix } from "./cast-fix.ts";
import { commonSuperType } from "../types/type-coercion.ts";

/** An operand as the fix shows it: its text, unless given (`ANY (SELECT ...)`). */
interface Operand {
  readonly node: RuleNode | undefined;
  readonly type: string | undefined;
  readonly text?: string;
}

/** Resolves an operator; reports when it cannot apply to these types. Undefined when unknown or invalid. */
function applyOperator(
  name: OperatorName,
  symbol: string,
  operands: readonly Operand[],
  at: RuleNode | Token,
  analysis: Analysis,
): string | undefined {
  const resolution = resolveCall(operatorSignatures(name), operands.map((o) => ({ kind: "value", type: o.type })));
  if (resolution.kind === "resolved") return resolution.returnType;
  const [left, right] = operands;
  if (left?.type === undefined) return undefined;
  if (right === undefined) {
    analysis.report(at, typeMessages.unaryOperator(symbol, left.type));
    return undefined;
  }
  if (right.type === undefined) return undefined;
  // Types that meet but cannot be ordered (maps, JSON) or compared (sketches): the operator is the problem.
  const common = commonSuperType(left.type, right.type);
  if (common !== null && common !== undefined && name.startsWith("$")) {
    if (["$less_than", "$less_than_or_equal", "$greater_than", "$greater_than_or_equal"].includes(name)) {
      analysis.report(at, typeMessages.notOrderable(left.type, symbol, right.type, common));
      return undefined;
    }
    if (["$equal", "$not_equal", "$is_distinct_from"].includes(name)) {
      analysis.report(at, typeMessages.notComparable(left.type, symbol, right.type, common));
      return undefined;
    }
  }
  const text = (operand: Operand) => operand.text ?? (operand.node === undefined ? "?" : shortText(analysis.sql, operand.node, 40));
  const fix = castFix({ text: text(left), type: left.type }, symbol, { text: text(right), type: right.type });
  analysis.report(at, typeMessages.operator(left.type, symbol, right.type, fix));
  return undefined;
}

export function arithmeticType(node: P.ArithmeticBinaryContext, left: string | undefined, right: string | undefined, analysis: Analysis): string | undefined {
  const symbol = node._operator?.text ?? "+";
  const name = arithmeticOperator(symbol);
  if (name === undefined) return undefined;
  return applyOperator(name, symbol, [{ node: node._left, type: left }, { node: node._right, type: right }], node._operator ?? node, analysis);
}

export function negationType(node: P.ArithmeticUnaryContext, type: string | undefined, analysis: Analysis): string | undefined {
  return applyOperator("$negation", "-", [{ node: node.valueExpression(), type }], node, analysis);
}

/** `a = b`, `a < b`, `a IS DISTINCT FROM b`: both sides must meet at a comparable (orderable) type. */
export function comparisonType(
  symbol: string,
  left: Operand,
  right: Operand,
  at: RuleNode | Token,
  analysis: Analysis,
): "boolean" {
  const name: OperatorName | undefined = symbol === "IS DISTINCT FROM" ? "$is_distinct_from" : comparisonOperator(symbol);
  if (name !== undefined) applyOperator(name, symbol, [left, right], at, analysis);
  return "boolean";
}

/** `a || b` is `concat(a, b)`: strings, binary values and arrays. */
export function concatenationType(node: P.ConcatenationContext, left: string | undefined, right: string | undefined, analysis: Analysis): string | undefined {
  const concat = lookupFunction("concat");
  if (concat === undefined) return undefined;
  const resolution = resolveCall(concat.signatures, [
    { kind: "value", type: left },
    { kind: "value", type: right },
  ]);
  if (resolution.kind === "resolved") return resolution.returnType;
  if (left === undefined || right === undefined) return undefined;
  // `||` joins strings: the side that is not one is what needs the CAST.
  const leftIsString = /^(var)?char/.test(left);
  const other = leftIsString ? node._right : node._left;
  const cast = `CAST(${other === undefined ? "?" : shortText(analysis.sql, other, 40)} AS varchar)`;
  const fix = leftIsString ? `e.g. ${shortText(analysis.sql, node._left!, 40)} || ${cast}` : `e.g. ${cast} || ${shortText(analysis.sql, node._right!, 40)}`;
  analysis.report(node.CONCAT().symbol, typeMessages.operator(left, "||", right, fix));
  return undefined;
}
