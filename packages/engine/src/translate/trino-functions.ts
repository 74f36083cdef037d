/**
 * Every Trino function the offline engine runs, and how. A function that is not here is refused ("cannot run
 * offline"): DuckDB has many functions of the same name whose results differ from Trino's (concat skips NULLs,
 * date_diff counts boundaries, split_part returns '' past the end), so only reviewed ones run. Each entry is
 * covered by an example with Trino's documented result in packages/engine/test/trino-functions.test.ts.
 */
export type FunctionHandling =
  /** Polyglot's Trino-to-DuckDB translation, or DuckDB's function of the same name, computes Trino's result. */
  | { readonly how: "same" }
  /** Called as the compatibility macro `trino_<name>` (or the one named). */
  | { readonly how: "macro"; readonly macro?: string }
  /** Rewritten by the translator (lambdas, patterns, wrappers): see rewrite-trino.ts. */
  | { readonly how: "rewrite" };

const same = { how: "same" } as const;
const macro = (name?: string): FunctionHandling => (name ? { how: "macro", macro: name } : { how: "macro" });
const rewrite = { how: "rewrite" } as const;

export const TRINO_FUNCTIONS: ReadonlyMap<string, FunctionHandling> = new Map<string, FunctionHandling>([
  // Aggregates.
  ...["count", "min", "max", "array_agg", "bool_and", "bool_or", "every", "arbitrary", "any_value", "min_by", "max_by"].map((n) => [n, same] as const),
  ...["stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop", "corr", "covar_samp", "covar_pop", "geometric_mean"].map((n) => [n, same] as const),
  ["listagg", same],
  ["avg", same],
  ["sum", rewrite],
  ["count_if", rewrite],
  // Exact in the emulation: Athena's HyperLogLog estimate can differ by about 2% on large inputs.
  ["approx_distinct", rewrite],
  ["reduce_agg", rewrite],
  // Windows.
  ...["row_number", "rank", "dense_rank", "ntile", "percent_rank", "cume_dist", "lag", "lead", "first_value", "last_value", "nth_value"].map(
    (n) => [n, same] as const,
  ),
  // Mathematics.
  ...["abs", "ceil", "ceiling", "floor", "sqrt", "cbrt", "ln", "log2", "log10", "exp", "power", "pow", "sign", "round", "truncate"].map((n) => [n, same] as const),
  ...["pi", "radians", "degrees", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "is_nan"].map((n) => [n, same] as const),
  ["greatest", macro()],
  ["least", macro()],
  ["mod", rewrite],
  ["row", same],
  // Strings.
  ...["length", "lower", "upper", "trim", "ltrim", "rtrim", "substr", "substring", "replace", "reverse", "strpos", "lpad", "rpad", "split"].map(
    (n) => [n, same] as const,
  ),
  ...["starts_with", "chr", "regexp_like", "regexp_extract", "regexp_extract_all", "regexp_split", "to_utf8", "from_utf8"].map((n) => [n, same] as const),
  ["concat", macro()],
  ["split_part", macro()],
  ["levenshtein_distance", macro()],
  ["hamming_distance", macro()],
  ["to_hex", macro()],
  ["regexp_replace", rewrite],
  ["json_extract_scalar", macro()],
  ["json_array_length", macro()],
  ...["url_extract_host", "url_extract_path", "url_extract_query", "url_extract_protocol", "url_extract_port", "url_extract_fragment", "url_extract_parameter"].map(
    (n) => [n, macro()] as const,
  ),
  // Dates and times.
  ...["year", "month", "day", "day_of_month", "quarter", "week", "week_of_year", "hour", "minute", "second", "last_day_of_month", "date"].map(
    (n) => [n, same] as const,
  ),
  ["day_of_week", macro()],
  ["dow", macro("trino_day_of_week")],
  ["day_of_year", macro()],
  ["doy", macro("trino_day_of_year")],
  ["year_of_week", macro()],
  ["yow", macro("trino_year_of_week")],
  ["millisecond", macro()],
  ["to_unixtime", same],
  ["from_unixtime", rewrite],
  ["date_trunc", macro()],
  ["date_add", macro()],
  ["date_diff", macro()],
  ["from_iso8601_timestamp", rewrite],
  ["from_iso8601_date", macro()],
  ["format_datetime", rewrite],
  ["parse_datetime", rewrite],
  ["date_format", rewrite],
  ["date_parse", rewrite],
  ...["current_timestamp", "now", "current_date", "localtimestamp"].map((n) => [n, rewrite] as const),
  // Arrays, maps and lambdas.
  ["cardinality", macro()],
  ["element_at", macro()],
  ["contains", macro()],
  ["array_position", macro()],
  ["array_join", macro()],
  ["array_max", macro()],
  ["array_min", macro()],
  ["array_sort", rewrite],
  ["array_distinct", macro()],
  ["slice", macro()],
  ["sequence", macro()],
  ["flatten", same],
  ["map_keys", same],
  ["map_values", same],
  ["map", same],
  ["map_from_entries", same],
  ["transform", rewrite],
  ["filter", rewrite],
  ["reduce", rewrite],
  ["any_match", rewrite],
  ["all_match", rewrite],
  ["none_match", rewrite],
  // Conditionals.
  ...["coalesce", "nullif", "if", "try"].map((n) => [n, same] as const),
]);
