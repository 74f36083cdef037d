/**
 * Messages of the type and aggregation checks: Trino's own words first (what Athena would answer), then the
 * fix. Kept apart from messages.ts (names and shapes) so each file stays readable; tests import both.
 */

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** `1 or 2`, `2, 3 or 4`. */
function alternatives(values: readonly (number | string)[]): string {
  const unique = [...new Set(values)];
  if (unique.length <= 1) return String(unique[0] ?? "");
  return `${unique.slice(0, -1).join(", ")} or ${unique.at(-1)}`;
}

export const typeMessages = {
  operator: (left: string, operator: string, right: string, fix: string) =>
    `cannot apply operator: ${left} ${operator} ${right}; Athena never converts between these types implicitly: ${fix}`,

  notOrderable: (left: string, operator: string, right: string, type: string) =>
    `cannot apply operator: ${left} ${operator} ${right}; values of type ${type} cannot be ordered (only = and <> compare them)`,

  notComparable: (left: string, operator: string, right: string, type: string) =>
    `cannot apply operator: ${left} ${operator} ${right}; values of type ${type} cannot be compared`,

  unaryOperator: (operator: string, type: string) => `cannot apply operator: ${operator}${type}; it needs a number or an interval`,

  unknownFunction: (name: string, match: string | undefined) =>
    `function ${name} is not registered in Athena (engine v3, Trino functions)${match === undefined ? "; see https://trino.io/docs/current/functions/list.html" : `; did you mean ${match}?`}`,

  foreignFunction: (name: string, dialect: string, replacement: string, note: string | undefined) =>
    `${name} is a ${dialect} function that Athena (engine v3, Trino) does not have; write ${replacement}${note ? ` (${note})` : ""}`,

  unsupportedFunction: (name: string, reason: string) => `Athena does not support ${name}: ${reason}`,

  arity: (name: string, given: number, arities: readonly string[], signatures: string) =>
    `${name} takes ${alternatives(arities)} argument${arities.length === 1 && arities[0] === "1" ? "" : "s"}, not ${given}: ${signatures}`,

  argumentTypes: (name: string, given: string, signatures: string) =>
    `unexpected parameters (${given}) for function ${name}; expected: ${signatures}. CAST the arguments to one of these types`,

  patternFunctionOutside: (name: string) =>
    `${name}() is only valid inside MATCH_RECOGNIZE (in MEASURES and DEFINE); outside it, use lag()/lead() or first_value()/last_value() OVER (...)`,

  lambdaOutsideCall: () => "a lambda (x -> ...) can only be an argument of a function that takes one, such as transform or filter",

  notBoolean: (clause: string, type: string) => `${clause} must evaluate to a boolean, but it is ${type}; compare it with something (e.g. x = ...)`,

  logicalOperand: (side: string, operator: string, type: string) =>
    `${side} side of ${operator} must evaluate to a boolean (actual: ${type}); compare it with something (e.g. x = ...)`,

  noCommonType: (construct: string, types: readonly string[], fix: string) =>
    `all ${construct} must be the same type or coercible to a common type; cannot find a common type of ${types.join(", ")}: ${fix}`,

  between: (value: string, lower: string, upper: string) =>
    `cannot check if ${value} is BETWEEN ${lower} and ${upper}; CAST the bounds to ${value} (or the value to their type)`,

  like: (type: string) => `the left side of LIKE must be a varchar (actual: ${type}); CAST it to varchar`,

  likePattern: (type: string) => `the pattern of LIKE must be a varchar (actual: ${type}); write it as a string literal, e.g. '%abc%'`,

  setOperationTypes: (position: number, operator: string, left: string, right: string, name: string | undefined) =>
    `column ${position}${name === undefined ? "" : ` (${name})`} in ${operator} query has incompatible types: ${left}, ${right}; CAST one side to the other's type`,

  quantifiedColumns: (count: number) => `a subquery compared with ANY, SOME or ALL must select exactly one column, not ${count}`,

  scalarSubqueryColumns: (count: number) => `a subquery used as a value must select exactly one column, not ${count}; select one column or use EXISTS`,

  windowWithoutOver: (name: string) => `${name} is a window function and needs OVER (...), e.g. ${name}() OVER (PARTITION BY ... ORDER BY ...)`,

  overOnScalar: (name: string) => `${name} is not an aggregate or window function, so it cannot have OVER (...); remove the OVER clause`,

  filterOnNonAggregate: (name: string) => `FILTER (WHERE ...) applies only to aggregate functions, and ${name} is not one`,

  distinctOnNonAggregate: (name: string) => `DISTINCT inside a call applies only to aggregate functions, and ${name} is not one`,

  notAggregated: (column: string) =>
    `'${column}' must be an aggregate expression or appear in GROUP BY clause; add it to GROUP BY or aggregate it (e.g. arbitrary(${column}))`,

  nestedAggregate: (outer: string, inner: string) =>
    `cannot nest aggregations inside aggregation '${outer}': ${inner}; compute the inner aggregate in a subquery or WITH query first`,

  windowInAggregate: (outer: string, inner: string) =>
    `cannot nest window functions inside aggregation '${outer}': ${inner}; compute the window function in a subquery first`,

  clauseWithAggregate: (clause: string, what: string, text: string, fix: string) => `${clause} cannot contain ${what}: ${text}; ${fix}`,

  groupByPosition: (position: number, count: number) =>
    `GROUP BY position ${position} is not in select list; the SELECT has ${plural(count, "column")}`,

  groupByAggregatePosition: (position: number, text: string) =>
    `GROUP BY position ${position} refers to ${text}, an aggregate or window function; group by the columns it aggregates instead`,

  orderByPosition: (position: number, count: number) =>
    `ORDER BY position ${position} is not in select list; the SELECT has ${plural(count, "column")}`,

  distinctOrderBy: (text: string) => `for SELECT DISTINCT, ORDER BY expressions must appear in the select list: ${text}; select it or order by a selected column`,

  groupingArgument: (text: string) => `the arguments of grouping() must be grouping columns, and ${text} is not in GROUP BY`,

  recursiveWith: () =>
    "WITH RECURSIVE is not supported by Athena; unroll the recursion (a fixed number of self-joins) or precompute the hierarchy with a transform",

  tableFunction: (name: string) => `table function ${name} is not available in Athena views; read a table or a view instead`,

  subscriptIndex: (container: string, type: string) => `cannot subscript ${container} with ${type}: an array takes an integer position, a map a key of its key type`,

  notSubscriptable: (type: string) => `cannot subscript a value of type ${type}; only arrays, maps and rows have elements`,

  castImpossible: (from: string, to: string) => `cannot cast ${from} to ${to}; convert it with a function instead (e.g. format, to_unixtime, json_format)`,

  fetchWithTiesOrder: () => "FETCH FIRST ... WITH TIES needs an ORDER BY; add one that decides which rows tie",
};
