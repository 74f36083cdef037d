/**
 * Return types of the Trino functions views commonly use. A function missing here is not an error:
 * its type is simply unknown.
 */
import { commonSuperTypeOf } from "../types/coercion.ts";
import {
  arrayElementType,
  decimalParts,
  isIntegerType,
  mapEntryTypes,
} from "../types/type-shapes.ts";

type Args = readonly (string | undefined)[];
type Rule = (args: Args) => string | undefined;

const constant = (type: string): Rule => () => type;
const first: Rule = (args) => args[0];
const common: Rule = (args) => commonSuperTypeOf(args);

const sum: Rule = ([x]) => {
  if (isIntegerType(x)) return "bigint";
  if (x === "double" || x === "real") return x;
  const decimal = decimalParts(x);
  return decimal === undefined ? undefined : `decimal(38,${decimal.scale})`;
};

const avg: Rule = ([x]) => {
  if (isIntegerType(x) || x === "double") return "double";
  if (x === "real") return "real";
  return decimalParts(x) === undefined ? undefined : x;
};

/** `max(x)` is x's type; `max(x, n)` returns the n largest as an array. */
const extreme: Rule = (args) => (args.length > 1 ? (args[0] === undefined ? undefined : `array(${args[0]})`) : args[0]);

/** floor/ceil keep the type, except that decimals lose their scale (Trino: decimal(p-s+min(s,1),0)). */
const rounding: Rule = ([x]) => {
  const decimal = decimalParts(x);
  if (decimal === undefined) return x;
  return `decimal(${decimal.precision - decimal.scale + Math.min(decimal.scale, 1)},0)`;
};

const elementAt: Rule = ([container]) => mapEntryTypes(container)?.value ?? arrayElementType(container);

/** concat works on strings and on arrays. */
const concat: Rule = (args) => (args[0]?.startsWith("array(") ? commonSuperTypeOf(args) : "varchar");

const arrayOf: Rule = ([x]) => (x === undefined ? undefined : `array(${x})`);

const RULES: ReadonlyMap<string, Rule> = new Map<string, Rule>([
  ...["count", "count_if", "approx_distinct", "row_number", "rank", "dense_rank", "ntile"].map((n) => [n, constant("bigint")] as const),
  ...["cardinality", "length", "strpos", "date_diff", "to_milliseconds", "bit_count"].map((n) => [n, constant("bigint")] as const),
  ...["year", "quarter", "month", "week", "week_of_year", "day", "day_of_month", "day_of_week", "dow", "day_of_year", "doy"]
    .map((n) => [n, constant("bigint")] as const),
  ...["year_of_week", "yow", "hour", "minute", "second", "millisecond"].map((n) => [n, constant("bigint")] as const),
  ...["percent_rank", "cume_dist", "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop", "corr"]
    .map((n) => [n, constant("double")] as const),
  ...["to_unixtime", "rand", "random", "ln", "log2", "log10", "exp", "sqrt", "power", "pow", "e", "pi"].map((n) => [n, constant("double")] as const),
  ...[
    "format_datetime", "date_format", "lower", "upper", "substr", "substring", "trim", "ltrim", "rtrim", "replace",
    "reverse_string", "lpad", "rpad", "split_part", "regexp_extract", "regexp_replace", "json_extract_scalar",
    "json_format", "to_iso8601", "format", "chr", "typeof", "url_extract_host", "url_extract_path",
    "url_extract_parameter", "url_extract_query", "url_extract_protocol", "url_encode", "url_decode", "to_hex",
    "translate", "normalize", "soundex", "to_base64", "from_utf8", "current_user",
  ].map((n) => [n, constant("varchar")] as const),
  ...["contains", "regexp_like", "starts_with", "ends_with", "is_nan", "is_finite", "is_infinite", "bool_and", "bool_or", "every", "any_match", "all_match", "none_match", "is_json_scalar"]
    .map((n) => [n, constant("boolean")] as const),
  ...["min", "max"].map((n) => [n, extreme] as const),
  ...["arbitrary", "any_value", "lag", "lead", "first_value", "last_value", "nth_value", "abs", "round", "try", "approx_percentile", "nullif", "sign"]
    .map((n) => [n, first] as const),
  ...["coalesce", "greatest", "least"].map((n) => [n, common] as const),
  ...["floor", "ceil", "ceiling", "truncate"].map((n) => [n, rounding] as const),
  ["sum", sum],
  ["avg", avg],
  ["geometric_mean", constant("double")],
  ["date_trunc", ([, x]) => x],
  ["date_add", ([, , x]) => x],
  ["date", constant("date")],
  ["current_date", constant("date")],
  ["from_iso8601_date", constant("date")],
  ["last_day_of_month", constant("date")],
  ["from_iso8601_timestamp", constant("timestamp(3) with time zone")],
  ["from_iso8601_timestamp_nanos", constant("timestamp(9) with time zone")],
  ["from_unixtime", constant("timestamp(3) with time zone")],
  ["now", constant("timestamp(3) with time zone")],
  ["date_parse", constant("timestamp(3)")],
  ["parse_datetime", constant("timestamp(3) with time zone")],
  ["concat", concat],
  ["if", ([, then, otherwise]) => commonSuperTypeOf(otherwise === undefined ? [then] : [then, otherwise])],
  ["array_agg", arrayOf],
  ["transform", ([, body]) => arrayOf([body])],
  ["transform_values", ([m, body]) => (mapEntryTypes(m) === undefined || body === undefined ? undefined : `map(${mapEntryTypes(m)?.key}, ${body})`)],
  ["array_distinct", first],
  ["array_sort", first],
  ["filter", first],
  ["slice", first],
  ["array_max", ([x]) => arrayElementType(x)],
  ["array_min", ([x]) => arrayElementType(x)],
  ["array_join", constant("varchar")],
  ["array_position", constant("bigint")],
  ["split", constant("array(varchar)")],
  ["regexp_extract_all", constant("array(varchar)")],
  ["map_keys", ([m]) => arrayOf([mapEntryTypes(m)?.key])],
  ["map_values", ([m]) => arrayOf([mapEntryTypes(m)?.value])],
  ["map_agg", ([k, v]) => (k === undefined || v === undefined ? undefined : `map(${k}, ${v})`)],
  ["element_at", elementAt],
  ["json_extract", constant("json")],
  ["json_parse", constant("json")],
  ["json_array_length", constant("bigint")],
  ["md5", constant("varbinary")],
  ["sha256", constant("varbinary")],
  ["to_utf8", constant("varbinary")],
  ["from_base64", constant("varbinary")],
  ["listagg", constant("varchar")],
]);

/** The return type of `name(args)`, or undefined when the function or its argument types are unknown. */
export function functionType(name: string, args: Args): string | undefined {
  return RULES.get(name)?.(args);
}
