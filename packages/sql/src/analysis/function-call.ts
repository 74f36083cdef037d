/**
 * Function calls: arguments, lambdas (typed from the array or map they iterate), FILTER, ORDER BY
 * inside aggregates and OVER (...) windows, then the return type from the function table.
 */
import * as P from "dt-sql-parser/dist/lib/trino/TrinoSqlParser.js";
import { identifierName } from "../parse/tree.ts";
import { arrayElementType, mapEntryTypes } from "../types/type-shapes.ts";
import type { Analysis } from "./analysis.ts";
import { typeOf, walk } from "./expressions.ts";
import { functionType } from "./function-types.ts";
import type { Scope } from "./scope.ts";

/** The lambda an argument consists of, if it is one (`x -> x + 1`). */
function lambdaOf(argument: P.ExpressionContext): P.LambdaContext | undefined {
  const predicated = argument.booleanExpression();
  if (!(predicated instanceof P.PredicatedContext) || predicated.predicate() !== null) return undefined;
  const value = predicated.valueExpression();
  if (!(value instanceof P.ValueExpressionDefaultContext)) return undefined;
  const primary = value.primaryExpression();
  return primary instanceof P.LambdaContext ? primary : undefined;
}

/** Parameter types of a lambda passed to `name`, from the arguments before it. */
function parameterTypes(name: string, previous: readonly (string | undefined)[], count: number): (string | undefined)[] {
  const [first, second] = previous;
  if (name === "reduce") return [second, arrayElementType(first)];
  if (name === "zip_with") return [arrayElementType(first), arrayElementType(second)];
  const entry = mapEntryTypes(first);
  if (entry !== undefined) return [entry.key, entry.value];
  const element = arrayElementType(first);
  return Array.from({ length: count }, () => element);
}

export function functionCallType(node: P.FunctionCallContext, scope: Scope, analysis: Analysis): string | undefined {
  const parts = node.functionName().qualifiedName().identifier();
  const last = parts[parts.length - 1];
  const name = last === undefined ? "" : identifierName(last);
  const types: (string | undefined)[] = [];
  for (const argument of node.expression()) {
    const lambda = lambdaOf(argument);
    if (lambda === undefined) {
      types.push(typeOf(argument, scope, analysis));
      continue;
    }
    const names = lambda.identifier().map(identifierName);
    const typed = parameterTypes(name, types, names.length);
    const parameters = new Map(names.map((n, i) => [n, typed[i]] as const));
    types.push(typeOf(lambda.expression(), scope.lambda(parameters), analysis));
  }
  for (const item of node.sortItem()) walk(item, scope, analysis);
  walk(node.filter(), scope, analysis);
  walk(node.over(), scope, analysis);
  return functionType(name, types);
}
