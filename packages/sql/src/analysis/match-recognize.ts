/**
 * MATCH_RECOGNIZE: the relation it produces and the expressions of its MEASURES and DEFINE. Its output is the
 * PARTITION BY columns and the measures (ONE ROW PER MATCH, the default), or the PARTITION BY columns, the
 * ORDER BY columns, the measures and every other input column (ALL ROWS PER MATCH), as Trino's documentation
 * describes. Inside MEASURES and DEFINE, pattern variables qualify input columns (`A.price`), and prev(),
 * next(), first(), last(), classifier() and match_number() are valid.
 */
import * as P from "../parse/trino-grammar.ts";
import { identifierName } from "../parse/tree.ts";
import { typeMessages } from "../type-messages.ts";
import type { Analysis } from "./analysis.ts";
import { nameParts, requireBoolean, typeOf, walk } from "./expressions.ts";
import { Scope, type ScopeColumn, type ScopeRelation } from "./scope.ts";

const NAVIGATION = new Set(["prev", "next", "first", "last"]);

/** The pattern variables of `PATTERN (A B+ C*)` and `SUBSET U = (C, D)`. */
function patternVariables(node: P.PatternRecognitionContext): Set<string> {
  const names = new Set<string>();
  const visit = (tree: P.RowPatternContext | P.PatternPrimaryContext | null | undefined): void => {
    if (tree === null || tree === undefined) return;
    if (tree instanceof P.PatternVariableContext) names.add(identifierName(tree.identifier()));
    for (const child of tree.children ?? []) if (child instanceof P.RowPatternContext || child instanceof P.PatternPrimaryContext) visit(child);
  };
  visit(node.rowPattern());
  for (const subset of node.subsetDefinition()) if (subset._name) names.add(identifierName(subset._name));
  return names;
}

/** The scope of MEASURES and DEFINE: the input's columns, unqualified or qualified by a pattern variable. */
function patternScope(input: ScopeRelation, variables: ReadonlySet<string>, outer: Scope): Scope {
  const scope = new Scope(outer.parent, outer.withQueries);
  scope.relations.push({ alias: undefined, label: input.label, columns: input.columns });
  for (const variable of variables) scope.relations.push({ alias: variable, label: `pattern variable ${variable.toUpperCase()}`, columns: input.columns, qualifierOnly: true });
  scope.patternVariables = variables;
  return scope;
}

/** The column an item of PARTITION BY or ORDER BY names, when it is a plain column (a columnRef or a column expression). */
function namedColumn(item: P.ExpressionContext | P.ColumnRefContext | null, input: ScopeRelation): ScopeColumn | undefined {
  let name: string | undefined;
  if (item instanceof P.ColumnRefContext) {
    const qualified = item.qualifiedName();
    name = qualified === null ? undefined : nameParts(qualified).at(-1);
  } else {
    const predicated = item?.booleanExpression();
    const value = predicated instanceof P.PredicatedContext ? predicated.valueExpression() : undefined;
    const primary = value instanceof P.ValueExpressionDefaultContext ? value.primaryExpression() : undefined;
    if (primary instanceof P.ColumnReferenceContext) name = nameParts(primary.columnName().qualifiedName()).at(-1);
  }
  return name === undefined ? undefined : input.columns?.find((c) => c.name === name);
}

export function matchRecognizeRelation(node: P.PatternRecognitionContext, input: ScopeRelation, scope: Scope, analysis: Analysis): ScopeRelation {
  const variables = patternVariables(node);
  const inner = patternScope(input, variables, scope);
  const plain = new Scope(scope.parent, scope.withQueries);
  plain.relations.push({ alias: undefined, label: input.label, columns: input.columns });
  const partition = (node.partitionBy()?.expression() ?? []).map((e) => {
    typeOf(e, plain, analysis);
    return namedColumn(e, input);
  });
  const order = node.sortItem().map((item) => {
    walk(item, plain, analysis);
    return namedColumn(item.expression() ?? item.columnRef(), input);
  });
  for (const definition of node.variableDefinition()) {
    const expression = definition.expression();
    requireBoolean(expression, typeOf(expression, inner, analysis), (t) => typeMessages.notBoolean(`the DEFINE condition of ${definition.identifier().getText()}`, t), analysis);
  }
  const measures: ScopeColumn[] = node.measureDefinition().map((measure) => ({
    name: identifierName(measure.identifier()),
    type: typeOf(measure.expression(), inner, analysis),
  }));
  const alias = node.identifier();
  const label = alias === null ? "MATCH_RECOGNIZE" : `MATCH_RECOGNIZE ${identifierName(alias)}`;
  const known = input.columns !== undefined && partition.every((c) => c !== undefined);
  if (!known) return { alias: alias === null ? undefined : identifierName(alias), label, columns: undefined };
  let columns: ScopeColumn[] = [...(partition as ScopeColumn[]), ...measures];
  const allRows = (node.rowsPerMatch()?.KW_ALL() ?? null) !== null;
  if (allRows) {
    if (order.some((c) => c === undefined)) return { alias: alias === null ? undefined : identifierName(alias), label, columns: undefined };
    const leading = [...(partition as ScopeColumn[]), ...(order as ScopeColumn[])];
    const rest = (input.columns ?? []).filter((c) => !c.hidden && !leading.includes(c));
    columns = [...leading, ...measures, ...rest];
  }
  return { alias: alias === null ? undefined : identifierName(alias), label, columns };
}

function inPattern(scope: Scope): boolean {
  for (let s: Scope | undefined = scope; s !== undefined; s = s.parent) if (s.patternVariables !== undefined) return true;
  return false;
}

/**
 * The type of prev(), next(), first(), last(), classifier() and match_number() inside MEASURES or DEFINE;
 * "not a pattern function" for any other call (or outside MATCH_RECOGNIZE, where they do not exist).
 */
export function matchRecognizeFunctionType(name: string, node: P.FunctionCallContext, scope: Scope, analysis: Analysis): string | undefined | "not a pattern function" {
  if (!inPattern(scope)) return "not a pattern function";
  const args = node.expression();
  if (NAVIGATION.has(name)) {
    const type = typeOf(args[0], scope, analysis);
    for (const extra of args.slice(1)) typeOf(extra, scope, analysis);
    return type;
  }
  if (name === "classifier") return "varchar";
  if (name === "match_number") return "bigint";
  return "not a pattern function";
}
