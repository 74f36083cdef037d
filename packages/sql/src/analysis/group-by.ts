/**
 * GROUP BY: plain expressions, positions of the select list (`GROUP BY 1, 2`), GROUPING SETS, ROLLUP and
 * CUBE. Returns the keys every grouped expression is compared with (see aggregation.ts).
 */
import * as P from "../parse/trino-grammar.ts";
import { shortText, type RuleNode } from "../parse/tree.ts";
import { typeMessages } from "../type-messages.ts";
import type { Analysis } from "./analysis.ts";
import { containsAggregate, expressionKey, findCalls, forbidAggregates } from "./aggregation.ts";
import { typeOf } from "./expressions.ts";
import type { Scope } from "./scope.ts";
import type { SelectedColumn } from "./select-list.ts";

/** `ORDER BY 2`, `GROUP BY 1`: the integer literal an item consists of. */
export function ordinal(expression: P.ExpressionContext | null): number | undefined {
  const text = expression?.getText();
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

function groupingSets(element: P.GroupingElementContext): P.GroupingSetContext[] {
  if (element instanceof P.SingleGroupingSetContext) return [element.groupingSet()];
  if (element instanceof P.RollupContext || element instanceof P.CubeContext || element instanceof P.MultipleGroupingSetsContext) return element.groupingSet();
  return [];
}

/** The grouping keys; `complete` is false when a position could not be resolved (and was reported). */
export function groupingKeys(groupBy: P.GroupByContext, selected: readonly SelectedColumn[], scope: Scope, analysis: Analysis): { keys: Set<string>; complete: boolean } {
  const keys = new Set<string>();
  let complete = true;
  for (const element of groupBy.groupingElement()) {
    for (const set of groupingSets(element)) {
      for (const term of set.groupingTerm()) {
        const expression = term.expression();
        const position = ordinal(expression);
        if (position !== undefined) {
          const key = positionKey(position, expression!, selected, analysis);
          if (key !== undefined) keys.add(key);
          else complete = false;
          continue;
        }
        const node: RuleNode | null = expression ?? term.columnRef();
        if (node === null) continue;
        typeOf(node, scope, analysis);
        forbidAggregates("the GROUP BY clause", node, analysis, "group by the columns the aggregate reads, or aggregate in an outer query");
        keys.add(expressionKey(node, analysis));
      }
    }
  }
  return { keys, complete };
}

/** `GROUP BY 2`: the key of the second select column; reported when there is none or it aggregates. */
function positionKey(position: number, node: RuleNode, selected: readonly SelectedColumn[], analysis: Analysis): string | undefined {
  const column = selected[position - 1];
  if (column === undefined) {
    analysis.report(node, typeMessages.groupByPosition(position, selected.length));
    return undefined;
  }
  if (column.expression !== undefined) {
    if (containsAggregate(column.expression, analysis) || findCalls(column.expression, new Set(["window"]), analysis).length > 0) {
      analysis.report(node, typeMessages.groupByAggregatePosition(position, shortText(analysis.sql, column.expression)));
      return undefined;
    }
    return expressionKey(column.expression, analysis);
  }
  return column.sourceKey;
}
