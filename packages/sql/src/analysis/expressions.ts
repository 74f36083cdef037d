/**
 * Walks an expression: resolves every column reference in it (checking the name, recording catalog reads),
 * types it with Trino's rules and reports what Athena would refuse. A type the analysis cannot derive is
 * `undefined`; checks that would need it stay silent rather than guess.
 */
import * as P from "../parse/trino-grammar.ts";
import { messages } from "../messages.ts";
import { identifierName, isToken, positionOf, type ParseTree } from "../parse/tree.ts";
import { typeMessages } from "../type-messages.ts";
import { UNKNOWN_TYPE } from "../types/type-coercion.ts";
import { withTimeZone } from "../types/type-shapes.ts";
import type { Analysis } from "./analysis.ts";
import { arithmeticType, concatenationType, negationType } from "./operator-types.ts";
import { predicateType } from "./predicates.ts";
import { resolveColumn } from "./resolve-column.ts";
import type { Scope } from "./scope.ts";
import { primaryType } from "./special-forms.ts";

/** The parts of a dotted name, folded as Athena folds them. */
export function nameParts(node: P.QualifiedNameContext): string[] {
  return node.identifier().map(identifierName);
}

/** Resolves a dotted column name and returns its type; remembers which column it is for GROUP BY matching. */
export function columnType(node: P.QualifiedNameContext, scope: Scope, analysis: Analysis): string | undefined {
  return resolveColumn(nameParts(node), positionOf(node), scope, analysis, node);
}

/** Visits every child, for constructs whose type is not inferred but whose column references count. */
export function walk(node: ParseTree | null | undefined, scope: Scope, analysis: Analysis): void {
  if (node === null || node === undefined || isToken(node)) return;
  for (const child of (node as P.ExpressionContext).children ?? []) typeOf(child, scope, analysis);
}

/** The Trino type of an expression node (undefined when unknown), resolving the columns it uses. */
export function typeOf(node: ParseTree | null | undefined, scope: Scope, analysis: Analysis): string | undefined {
  if (node === null || node === undefined || isToken(node)) return undefined;
  const rule = node as P.ExpressionContext;
  if (!analysis.enter(rule, messages.syntax.tooDeep())) return undefined;
  analysis.depth++;
  try {
    return typeOfRule(rule, scope, analysis);
  } finally {
    analysis.depth--;
  }
}

function typeOfRule(node: ParseTree, scope: Scope, analysis: Analysis): string | undefined {
  if (node instanceof P.ExpressionContext) return typeOf(node.booleanExpression(), scope, analysis);
  if (node instanceof P.PredicatedContext) {
    const value = node.valueExpression();
    const type = typeOf(value, scope, analysis);
    const predicate = node.predicate();
    return predicate === null ? type : predicateType(predicate, value, type, scope, analysis);
  }
  if (node instanceof P.LogicalNotContext) {
    requireBoolean(node.booleanExpression(), typeOf(node.booleanExpression(), scope, analysis), (t) => typeMessages.logicalOperand("the", "NOT", t), analysis);
    return "boolean";
  }
  if (node instanceof P.AndContext || node instanceof P.OrContext) {
    const operator = node instanceof P.AndContext ? "AND" : "OR";
    const [left, right] = node.booleanExpression();
    requireBoolean(left, typeOf(left, scope, analysis), (t) => typeMessages.logicalOperand("the left", operator, t), analysis);
    requireBoolean(right, typeOf(right, scope, analysis), (t) => typeMessages.logicalOperand("the right", operator, t), analysis);
    return "boolean";
  }
  if (node instanceof P.ValueExpressionDefaultContext) return typeOf(node.primaryExpression(), scope, analysis);
  if (node instanceof P.ArithmeticUnaryContext) {
    const type = typeOf(node.valueExpression(), scope, analysis);
    return node._operator?.text === "-" ? negationType(node, type, analysis) : type;
  }
  if (node instanceof P.ArithmeticBinaryContext) {
    const left = typeOf(node._left, scope, analysis);
    const right = typeOf(node._right, scope, analysis);
    return arithmeticType(node, left, right, analysis);
  }
  if (node instanceof P.ConcatenationContext) {
    const left = typeOf(node._left, scope, analysis);
    const right = typeOf(node._right, scope, analysis);
    return concatenationType(node, left, right, analysis);
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
  walk(node, scope, analysis);
  return undefined;
}

/** Reports a condition that is known not to be boolean (NULL and unknown types pass). */
export function requireBoolean(node: ParseTree | null | undefined, type: string | undefined, message: (type: string) => string, analysis: Analysis): void {
  if (type === undefined || type === "boolean" || type === UNKNOWN_TYPE || node === null || node === undefined || isToken(node)) return;
  analysis.report(node as P.ExpressionContext, message(type));
}
