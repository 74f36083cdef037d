/**
 * The rules of aggregated queries (Trino's AggregationAnalyzer): once a query block groups or aggregates,
 * every expression of its SELECT, HAVING and ORDER BY must be a grouping key, an aggregate, or built from them;
 * aggregates do not nest; WHERE, GROUP BY and JOIN ON hold no aggregates or window functions. Expressions are
 * compared as Trino compares them: resolved columns, not spellings (`t.a` and `a` are the same key).
 */
import * as P from "../parse/trino-grammar.ts";
import { isToken, shortText, type ParseTree, type RuleNode } from "../parse/tree.ts";
import { typeMessages } from "../type-messages.ts";
import type { Analysis, CallKind } from "./analysis.ts";

const relationIds = new WeakMap<object, number>();
let nextRelationId = 0;

function relationId(relation: object | undefined): number {
  if (relation === undefined) return -1;
  let id = relationIds.get(relation);
  if (id === undefined) {
    id = nextRelationId++;
    relationIds.set(relation, id);
  }
  return id;
}

/** The key of a column of a FROM relation, as `expressionKey` writes it for a name that resolved to it. */
export function columnKey(relation: object | undefined, column: string, fields: readonly string[] = []): string {
  return `col(${relationId(relation)}:${[column, ...fields].join(".")})`;
}

/** A key equal for expressions Trino considers equal: resolved columns, case-folded words, no parentheses. */
export function expressionKey(node: ParseTree, analysis: Analysis): string {
  if (analysis.gaveUp) return "";
  if (isToken(node)) {
    const text = node.getText();
    return /^[A-Za-z_]/.test(text) ? text.toLowerCase() : text;
  }
  const resolved = analysis.columnKeys.get(node);
  if (resolved !== undefined) {
    if (resolved.source === "relation") return columnKey(resolved.relation, resolved.column, resolved.fields);
    return `${resolved.source}(${resolved.column})`;
  }
  if (node instanceof P.ParenthesizedExpressionContext) return expressionKey(node.expression(), analysis);
  const children = (node as RuleNode).children ?? [];
  if (children.length === 1) return expressionKey(children[0]!, analysis);
  return `${node.constructor.name}(${children.map((c) => expressionKey(c, analysis)).join(" ")})`;
}

/** Calls of the given kinds under `node`, not looking into subqueries (they are query blocks of their own). */
export function findCalls(node: ParseTree | null | undefined, kinds: ReadonlySet<CallKind | "grouping">, analysis: Analysis): RuleNode[] {
  if (node === null || node === undefined || isToken(node) || analysis.gaveUp) return [];
  const rule = node as RuleNode;
  if (rule instanceof P.QueryContext) return [];
  const kind = analysis.callKinds.get(rule);
  if (kind !== undefined && kinds.has(kind)) return [rule];
  if (rule instanceof P.GroupingOperationContext && kinds.has("grouping")) return [rule];
  return (rule.children ?? []).flatMap((child) => findCalls(child, kinds, analysis));
}

const AGGREGATES = new Set<CallKind | "grouping">(["aggregate"]);
const ANY_CALL = new Set<CallKind | "grouping">(["aggregate", "window", "grouping"]);

/** WHERE, GROUP BY, JOIN ON: no aggregates, window functions or grouping(). */
export function forbidAggregates(clause: string, node: ParseTree | null | undefined, analysis: Analysis, fix: string): void {
  const [first] = findCalls(node, ANY_CALL, analysis);
  if (first !== undefined) analysis.report(first, typeMessages.clauseWithAggregate(clause, "aggregations, window functions or grouping operations", written(analysis, first), fix));
}

export function containsAggregate(node: ParseTree | null | undefined, analysis: Analysis): boolean {
  return findCalls(node, AGGREGATES, analysis).length > 0;
}

function callName(node: RuleNode, analysis: Analysis): string {
  if (node instanceof P.FunctionCallContext) return node.functionName().getText().replaceAll('"', "").toLowerCase();
  return shortText(analysis.sql, node, 20).split("(")[0]!.toLowerCase();
}

/** Aggregates inside aggregates (`sum(count(x))`), window functions inside aggregates. */
function checkAggregateArguments(call: RuleNode, analysis: Analysis): void {
  for (const child of call.children ?? []) {
    if (child instanceof P.FunctionNameContext) continue;
    for (const inner of findCalls(child, new Set(["aggregate", "window"]), analysis)) {
      const message = analysis.callKinds.get(inner) === "window" ? typeMessages.windowInAggregate : typeMessages.nestedAggregate;
      analysis.report(inner, message(callName(call, analysis), written(analysis, inner)));
    }
  }
}

export interface GroupingContext {
  /** Keys of the grouping expressions. */
  readonly keys: ReadonlySet<string>;
  /** The FROM relations of this query block: names resolved to other relations are outer references. */
  readonly relations: ReadonlySet<object>;
}

/** An expression as messages show it: `"line_item_type"` becomes line_item_type, as Trino prints it. */
function written(analysis: Analysis, node: RuleNode): string {
  return shortText(analysis.sql, node).replace(/"([A-Za-z_][A-Za-z0-9_]*)"/g, "$1");
}

/**
 * Reports the first column `node` uses outside an aggregate that is not a grouping key (Trino stops at the
 * first too: one mistake, one message), and nested aggregates. Used for SELECT items, HAVING and ORDER BY of an
 * aggregated query block. Returns whether it reported an ungrouped column.
 */
export function checkGrouped(node: ParseTree | null | undefined, context: GroupingContext, analysis: Analysis): boolean {
  if (node === null || node === undefined || isToken(node) || analysis.gaveUp) return false;
  const rule = node as RuleNode;
  if (rule instanceof P.QueryContext) return false;
  if (context.keys.has(expressionKey(rule, analysis))) return false;
  const resolved = analysis.columnKeys.get(rule);
  if (resolved !== undefined) {
    if (resolved.source === "relation" && resolved.relation !== undefined && context.relations.has(resolved.relation)) {
      analysis.report(rule, typeMessages.notAggregated(written(analysis, rule)));
      return true;
    }
    return false;
  }
  const kind = analysis.callKinds.get(rule);
  if (kind === "aggregate") {
    checkAggregateArguments(rule, analysis);
    return false;
  }
  if (kind === "unknown") return false;
  if (rule instanceof P.GroupingOperationContext) {
    for (const name of rule.qualifiedName()) {
      if (!context.keys.has(expressionKey(name, analysis))) analysis.report(name, typeMessages.groupingArgument(written(analysis, name)));
    }
    return false;
  }
  for (const child of rule.children ?? []) if (checkGrouped(child, context, analysis)) return true;
  return false;
}

/** Outside aggregated queries, aggregates still may not nest; this checks every aggregate under `node`. */
export function checkNestedAggregates(node: ParseTree | null | undefined, analysis: Analysis): void {
  for (const call of findCalls(node, AGGREGATES, analysis)) checkAggregateArguments(call, analysis);
}
