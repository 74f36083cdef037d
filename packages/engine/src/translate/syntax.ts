/**
 * Polyglot's node kinds, sorted by what the offline engine does with them. Kinds in none of these sets are refused
 * as unreviewed syntax; kinds that are functions are looked up by their Trino name in trino-functions.ts.
 */

/** Syntax whose DuckDB translation means what Trino means. */
export const SAME_SYNTAX: ReadonlySet<string> = new Set([
  "select", "union", "intersect", "except", "subquery", "with", "cte", "table", "alias", "column", "identifier", "star",
  "literal", "boolean", "null", "paren", "tuple", "array_func", "dot", "add", "sub", "mul", "neg", "eq", "neq", "lt", "lte",
  "gt", "gte", "and", "or", "not", "is_null", "in", "between", "like", "exists", "case", "lambda", "values", "window_function",
  "null_safe_eq", "null_safe_neq", "any", "all", "within_group", "ordered", "join", "joined_table", "rollup", "cube", "grouping_sets",
]);

/** Syntax the translator rewrites itself (rewrite-trino.ts). */
export const REWRITTEN_SYNTAX: ReadonlySet<string> = new Set([
  "div", "mod", "concat", "subscript", "cast", "try_cast", "interval", "at_time_zone", "unnest", "extract",
]);

/** Object keys that hold a struct, not an expression: `where_clause: { this: ... }`, `from: { expressions: [...] }`. */
export const FIELD_KEYS: ReadonlySet<string> = new Set(["this", "expressions", "expression", "ctes"]);

/** Typed function nodes whose kind is not the Trino name. */
export const KIND_TO_FUNCTION: Readonly<Record<string, string>> = {
  str_position: "strpos",
  mod_func: "mod",
  array_contains: "contains",
  logical_and: "bool_and",
  logical_or: "bool_or",
  substring: "substr",
  array_func: "array",
  window_function: "over",
};

/** Kinds that are function calls without a `name` field (the kind is the name). */
export const NAMELESS_FUNCTIONS: ReadonlySet<string> = new Set([
  "abs", "ceil", "floor", "sqrt", "ln", "exp", "log", "rand", "random", "length", "lower", "upper", "trim", "cardinality", "quarter",
  "year", "month", "day", "hour", "minute", "second", "day_of_month", "day_of_week", "day_of_year", "week_of_year", "lag", "lead",
  "rank", "dense_rank", "row_number", "ntile", "percent_rank", "cume_dist", "first_value", "last_value", "nth_value", "coalesce",
  "element_at", "contains", "array_position", "array_distinct", "array_union", "array_except", "array_remove", "map_keys",
  "map_values", "map_from_entries", "json_extract", "json_extract_scalar", "json_array_length", "starts_with", "str_position",
  "mod_func", "array_contains", "logical_and", "logical_or", "substring", "nullif", "greatest", "least", "if", "try", "date",
]);
