/**
 * Function calls, resolved against the catalog of Athena engine v3's functions: unknown names (with
 * did-you-mean, and the Trino spelling of functions other dialects have), wrong arity, wrong argument
 * types, window functions without OVER, then the return type. Lambdas are typed from the arrays and maps
 * they iterate, as the chosen signature binds them.
 */
import * as P from "../parse/trino-grammar.ts";
import type { Argument, Signature } from "../functions/bind-signature.ts";
import { functionCatalog, lookupForeignFunction, lookupFunction, type FunctionEntry } from "../functions/function-catalog.ts";
import { resolveCall } from "../functions/resolve-call.ts";
import { formatSignatureType } from "../functions/signature-type.ts";
import { signatureTypes } from "../functions/signature-types.ts";
import { identifierName, type RuleNode } from "../parse/tree.ts";
import { commonTypeOf } from "./special-forms.ts";
import { closest } from "../suggest.ts";
import { typeMessages } from "../type-messages.ts";
import type { Analysis } from "./analysis.ts";
import { typeOf, walk } from "./expressions.ts";
import { matchRecognizeFunctionType } from "./match-recognize.ts";
import type { Scope } from "./scope.ts";

/** The lambda an argument consists of, if it is one (`x -> x + 1`). */
export function lambdaOf(argument: P.ExpressionContext): P.LambdaContext | undefined {
  const predicated = argument.booleanExpression();
  if (!(predicated instanceof P.PredicatedContext) || predicated.predicate() !== null) return undefined;
  const value = predicated.valueExpression();
  if (!(value instanceof P.ValueExpressionDefaultContext)) return undefined;
  const primary = value.primaryExpression();
  return primary instanceof P.LambdaContext ? primary : undefined;
}

/** `name(type, type) → type`, as signatures are listed in messages. */
export function describeSignature(name: string, signature: Signature): string {
  const types = signatureTypes(signature);
  const args = types.args.map(formatSignatureType);
  if (signature.variadic) args[args.length - 1] = `${args.at(-1)}...`;
  return `${name}(${args.join(", ")}) → ${formatSignatureType(types.returns)}`;
}

function describeAll(name: string, signatures: readonly Signature[]): string {
  const shown = signatures.slice(0, 8).map((s) => describeSignature(name, s));
  return shown.join(", ") + (signatures.length > 8 ? `, … (${signatures.length - 8} more)` : "");
}

function arities(signatures: readonly Signature[]): string[] {
  return [...new Set(signatures.map((s) => (s.variadic ? `${s.minArity ?? s.args.length} or more` : String(s.args.length))))].sort();
}

/** The entry behind a name, following aliases (`ceiling` → `ceil`); grammar forms written as calls too. */
function entryOf(name: string): FunctionEntry | undefined {
  const syntax = functionCatalog().syntax;
  const entry = lookupFunction(name) ?? (syntax !== undefined && Object.hasOwn(syntax, name) ? syntax[name] : undefined);
  return entry?.aliasOf !== undefined ? (lookupFunction(entry.aliasOf) ?? entry) : entry;
}

let functionNames: string[] | undefined;

function knownNames(): string[] {
  functionNames ??= Object.keys(functionCatalog().functions).filter((n) => functionCatalog().functions[n]?.athena?.supported !== false);
  return functionNames;
}

/** Reports a name the catalog does not have: another dialect's function, or a misspelling. */
function reportUnknown(name: string, written: string, node: P.FunctionCallContext, analysis: Analysis): void {
  const pattern = functionCatalog().matchRecognize;
  if (pattern !== undefined && Object.hasOwn(pattern, name)) {
    analysis.report(node, typeMessages.patternFunctionOutside(written));
    return;
  }
  const foreign = lookupForeignFunction(name);
  if (foreign !== undefined) {
    analysis.report(node, typeMessages.foreignFunction(written, foreign.dialect, foreign.replacement, foreign.note));
    return;
  }
  analysis.report(node, typeMessages.unknownFunction(written, closest(name, knownNames())));
}

export function functionCallType(node: P.FunctionCallContext, scope: Scope, analysis: Analysis): string | undefined {
  const parts = node.functionName().qualifiedName().identifier();
  const last = parts[parts.length - 1];
  const name = last === undefined ? "" : identifierName(last);
  // As written, without quotes: "sum" and SUM are both reported as they were typed, less the quoting.
  const written = last?.getText().replace(/^"(.*)"$/, "$1") ?? name;
  const over = node.over();

  const inPattern = matchRecognizeFunctionType(name, node, scope, analysis);
  if (inPattern !== "not a pattern function") return inPattern;

  const args: Argument[] = node.expression().map((argument) => {
    const lambda = lambdaOf(argument);
    if (lambda === undefined) return { kind: "value", type: typeOf(argument, scope, analysis) };
    const names = lambda.identifier().map(identifierName);
    const typeBody = (types: readonly (string | undefined)[]) =>
      typeOf(lambda.expression(), scope.lambda(new Map(names.map((n, i) => [n, types[i]] as const))), analysis);
    return { kind: "lambda", parameters: names.length, type: (types, muted) => (muted ? analysis.silently(() => typeBody(types)) : typeBody(types)) };
  });
  for (const item of node.sortItem()) walk(item, scope, analysis);
  walk(node.filter(), scope, analysis);
  walk(over, scope, analysis);

  const entry = entryOf(name);
  if (entry === undefined) {
    analysis.callKinds.set(node, "unknown");
    reportUnknown(name, written, node, analysis);
    typeUntypedLambdas(args);
    return undefined;
  }
  if (entry.athena?.supported === false) {
    analysis.callKinds.set(node, "unknown");
    analysis.report(node, typeMessages.unsupportedFunction(written, entry.athena.reason));
    typeUntypedLambdas(args);
    return undefined;
  }
  analysis.callKinds.set(node, over !== null ? "window" : entry.kind);
  if (entry.kind === "window" && over === null) analysis.report(node, typeMessages.windowWithoutOver(written));
  if (entry.kind === "scalar" && over !== null) analysis.report(over, typeMessages.overOnScalar(written));
  if (entry.kind === "scalar" && node.filter() !== null) analysis.report(node.filter(), typeMessages.filterOnNonAggregate(written));
  if (entry.kind !== "aggregate" && node.setQuantifier()?.getText().toUpperCase() === "DISTINCT") {
    analysis.report(node.setQuantifier(), typeMessages.distinctOnNonAggregate(written));
  }

  // COALESCE unifies its operands like CASE does; Trino words its error that way too.
  if (name === "coalesce" && args.length >= 2 && args.every((a) => a.kind === "value")) {
    return commonTypeOf("COALESCE operands", node.expression().map((e, i) => ({ node: e as RuleNode, type: (args[i] as { type: string | undefined }).type })), analysis);
  }
  const resolution = resolveCall(entry.signatures, args);
  if (resolution.kind === "resolved") return resolution.returnType;
  typeUntypedLambdas(args);
  const foreign = lookupForeignFunction(name);
  if (foreign?.trinoHasName) {
    analysis.report(node, typeMessages.foreignFunction(written, foreign.dialect, foreign.replacement, foreign.note));
  } else if (resolution.kind === "arity") {
    analysis.report(node, typeMessages.arity(written, args.length, arities(resolution.signatures), describeAll(name, resolution.signatures)));
  } else {
    const given = args.map((a) => (a.kind === "lambda" ? "lambda" : (a.type ?? "?"))).join(", ");
    analysis.report(node, typeMessages.argumentTypes(written, given, describeAll(name, resolution.signatures)));
  }
  return undefined;
}

/** Lambdas of a call that resolved to nothing still have their column references checked. */
function typeUntypedLambdas(args: readonly Argument[]): void {
  for (const argument of args) if (argument.kind === "lambda") argument.type(Array.from({ length: argument.parameters }, () => undefined), false);
}
