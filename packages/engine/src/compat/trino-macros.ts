/**
 * The Trino compatibility layer: DuckDB macros that compute what Trino computes where DuckDB's own function
 * differs or is missing. The translator calls them by these `trino_*` names, so a DuckDB function of the same
 * name is never used by mistake. Where Trino's behaviour depends on the type, `typeof(x)` chooses a branch at bind
 * time and `cast_to_type` gives every branch the type of Trino's result: DuckDB binds every branch of a CASE, so
 * each must bind for every type, but evaluates only the one that applies. Typed macro overloads are used only
 * between type families without implicit casts (integers and dates in `sequence`): elsewhere DuckDB picks an
 * overload through an implicit cast (a DECIMAL(38,4) sum for a HUGEINT parameter).
 *
 * `error('baikal offline: ...')` marks a case the emulation refuses at run time (only where the type decides);
 * the engine reports it as "cannot run offline", never as a result.
 */
export const OFFLINE_ERROR_PREFIX = "baikal offline: ";
const refuse = (construct: string) => `error('${OFFLINE_ERROR_PREFIX}${construct.replaceAll("'", "''")}')`;


/** Session settings that make DuckDB behave like an Athena session. */
export const TRINO_SESSION_SETTINGS: readonly string[] = [
  // Athena's session zone is UTC: current_date, casts of timestamp with time zone, date_trunc and hour() use it.
  "SET TimeZone = 'UTC'",
  // Integer / integer truncates in Trino (7 / 2 = 3, -7 / 2 = -3).
  "SET integer_division = true",
  // Trino sorts NULLs last in both directions unless told otherwise.
  "SET default_null_order = 'nulls_last'",
];

const macros: Record<string, readonly string[]> = {
  // Division and remainder: by zero Trino fails for exact numbers and gives Infinity or NaN for doubles, where
  // DuckDB returns NULL; decimal division keeps the larger scale, rounding half up. `(a + b) * 1` has the type of
  // Trino's result (integer, double, or decimal with the larger scale), so every branch is cast to it.
  trino_divide: [
    `(a, b) AS CASE WHEN b = 0 THEN (CASE WHEN typeof((a + b) * 1) IN ('DOUBLE', 'FLOAT') THEN cast_to_type(CASE WHEN isnan(a) OR a = 0 THEN 'NaN'::DOUBLE WHEN a > 0 THEN 'Infinity'::DOUBLE ELSE '-Infinity'::DOUBLE END, (a + b) * 1) ELSE error('Division by zero') END) ELSE cast_to_type(a / b, (a + b) * 1) END`,
  ],
  trino_modulus: [
    `(a, b) AS CASE WHEN b = 0 THEN (CASE WHEN typeof((a + b) * 1) IN ('DOUBLE', 'FLOAT') THEN cast_to_type('NaN'::DOUBLE, (a + b) * 1) ELSE error('Division by zero') END) ELSE a % b END`,
  ],
  // sum(integer) and count_if are bigint in Trino, HUGEINT in DuckDB: the cast fails on overflow, as Trino does.
  trino_bigint_result: [`(v) AS CASE WHEN typeof(v) = 'HUGEINT' THEN CAST(v AS BIGINT) ELSE v END`],
  // CAST(double AS integer) rounds half away from zero in Trino; DuckDB rounds half to even.
  ...Object.fromEntries(
    ["TINYINT", "SMALLINT", "INTEGER", "BIGINT"].map((t) => [
      `trino_cast_${t.toLowerCase()}`,
      [`(x) AS CASE WHEN typeof(x) IN ('DOUBLE', 'FLOAT') THEN CAST(round(CAST(CAST(x AS VARCHAR) AS DOUBLE)) AS ${t}) ELSE CAST(x AS ${t}) END`],
    ]),
  ),
  // CAST(x AS varchar): Trino writes timestamps with their precision and zone, and doubles in its own notation.
  // Each branch binds for every type (through VARCHAR) and is evaluated only for its own.
  trino_cast_varchar: [
    `(x) AS CASE WHEN typeof(x) = 'TIMESTAMP' THEN strftime(CAST(CAST(x AS VARCHAR) AS TIMESTAMP), '%Y-%m-%d %H:%M:%S.%g') WHEN typeof(x) = 'TIMESTAMP WITH TIME ZONE' THEN strftime(CAST(CAST(x AS VARCHAR) AS TIMESTAMPTZ), '%Y-%m-%d %H:%M:%S.%g') || ' UTC' WHEN typeof(x) IN ('DOUBLE', 'FLOAT') THEN ${refuse("CAST of a double or real to varchar (Trino writes them as 1.5E0)")} ELSE CAST(x AS VARCHAR) END`,
  ],
  // concat and || return NULL when any argument is NULL in Trino; DuckDB's concat skips NULLs. || joins arrays too.
  trino_concat: Array.from({ length: 9 }, (_, i) => {
    const names = Array.from({ length: i + 2 }, (_, j) => `a${j}`);
    return `(${names.join(", ")}) AS ${names.join(" || ")}`;
  }),
  // greatest and least are NULL when any argument is NULL in Trino; DuckDB skips NULLs.
  ...Object.fromEntries(
    ["greatest", "least"].map((fn) => [
      `trino_${fn}`,
      Array.from({ length: 9 }, (_, i) => {
        const names = Array.from({ length: i + 2 }, (_, j) => `a${j}`);
        return `(${names.join(", ")}) AS CASE WHEN ${names.map((n) => `${n} IS NULL`).join(" OR ")} THEN NULL ELSE ${fn}(${names.join(", ")}) END`;
      }),
    ]),
  ),
  // Trino returns NULL past the last field; DuckDB an empty string.
  trino_split_part: [
    `(s, d, i) AS CASE WHEN i < 1 THEN error('Index must be greater than zero') WHEN i > len(string_split(s, d)) THEN NULL ELSE split_part(s, d, i) END`,
  ],
  trino_levenshtein_distance: [`(a, b) AS levenshtein(a, b)`],
  trino_hamming_distance: [`(a, b) AS hamming(a, b)`],
  trino_to_hex: [`(b) AS upper(hex(b))`],
  trino_regexp_replace: [`(s, p) AS regexp_replace(s, p, '', 'g')`, `(s, p, r) AS regexp_replace(s, p, r, 'g')`],
  // json_extract_scalar is NULL for objects and arrays; json_array_length NULL for anything but an array.
  trino_json_extract_scalar: [`(j, p) AS CASE WHEN json_type(j, p) IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string(j, p) END`],
  trino_json_array_length: [`(j) AS CASE WHEN json_type(j) = 'ARRAY' THEN CAST(json_array_length(j) AS BIGINT) END`],
  // URLs, split as java.net.URI does (RFC 3986 appendix B); absent parts are NULL.
  trino_url_part: [
    `(u, part) AS nullif(regexp_extract(u, '^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\\?([^#]*))?(#(.*))?', part), '')`,
  ],
  trino_url_extract_protocol: [`(u) AS trino_url_part(u, 2)`],
  trino_url_extract_host: [`(u) AS nullif(regexp_extract(trino_url_part(u, 4), '^([^@]*@)?(\\[[^\\]]*\\]|[^:]*)', 2), '')`],
  trino_url_extract_port: [`(u) AS TRY_CAST(nullif(regexp_extract(trino_url_part(u, 4), ':([0-9]+)$', 1), '') AS BIGINT)`],
  trino_url_extract_path: [`(u) AS coalesce(trino_url_part(u, 5), CASE WHEN u IS NOT NULL THEN '' END)`],
  trino_url_extract_query: [`(u) AS trino_url_part(u, 7)`],
  trino_url_extract_fragment: [`(u) AS trino_url_part(u, 9)`],
  trino_url_extract_parameter: [
    `(u, name) AS list_extract(list_transform(list_filter(string_split(trino_url_part(u, 7), '&'), kv -> split_part(kv, '=', 1) = name), kv -> CASE WHEN contains(kv, '=') THEN substr(kv, length(split_part(kv, '=', 1)) + 2) ELSE '' END), 1)`,
  ],
  // Date and time.
  trino_now: [`() AS getvariable('baikal_now')`],
  trino_format_datetime: [`(x, f) AS strftime(x, f)`],
  trino_parse_datetime: [`(s, f) AS CAST(strptime(s, f) AS TIMESTAMPTZ)`],
  trino_date_parse: [`(s, f) AS strptime(s, f)`],
  trino_from_iso8601_timestamp: [
    `(s) AS CASE WHEN s IS NULL THEN NULL WHEN regexp_full_match(s, '\\d{4}-\\d{2}-\\d{2}(T\\d{2}(:\\d{2}(:\\d{2}([.,]\\d{1,9})?)?)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?') THEN CAST(replace(s, ',', '.') AS TIMESTAMPTZ) ELSE error('Invalid format: "' || s || '"') END`,
  ],
  // The same text read as the wall-clock time at its own offset (what CAST(... AS timestamp) and hour() see).
  trino_from_iso8601_wall_clock: [
    `(s) AS CASE WHEN s IS NULL THEN NULL WHEN regexp_full_match(s, '\\d{4}-\\d{2}-\\d{2}(T\\d{2}(:\\d{2}(:\\d{2}([.,]\\d{1,9})?)?)?)?(Z|[+-]\\d{2}(:?\\d{2})?)?') THEN CAST(regexp_replace(replace(s, ',', '.'), '(Z|[+-]\\d{2}(:?\\d{2})?)$', '') AS TIMESTAMP) ELSE error('Invalid format: "' || s || '"') END`,
  ],
  trino_from_iso8601_date: [`(s) AS CASE WHEN s IS NULL THEN NULL WHEN regexp_full_match(s, '\\d{4}-\\d{2}-\\d{2}') THEN CAST(s AS DATE) ELSE error('Invalid format: "' || s || '"') END`],
  // date_trunc and date_add keep a date a date in Trino; DuckDB makes it a timestamp.
  trino_date_trunc: [`(u, x) AS cast_to_type(date_trunc(u, x), x)`],
  trino_interval: [
    `(u, n) AS CASE lower(u) WHEN 'millisecond' THEN to_milliseconds(n) WHEN 'second' THEN to_seconds(n) WHEN 'minute' THEN to_minutes(n) WHEN 'hour' THEN to_hours(n) WHEN 'day' THEN to_days(n) WHEN 'week' THEN to_weeks(n) WHEN 'month' THEN to_months(n) WHEN 'quarter' THEN to_months(3 * n) WHEN 'year' THEN to_years(n) ELSE error('Unsupported unit: ' || u) END`,
  ],
  trino_date_add: [
    `(u, n, x) AS CASE WHEN typeof(x) = 'DATE' AND lower(u) NOT IN ('day', 'week', 'month', 'quarter', 'year') THEN error('''' || u || ''' is not a valid DATE field') ELSE cast_to_type(x + trino_interval(u, n), x) END`,
  ],
  // Trino counts whole units between the two values (DuckDB's date_sub); DuckDB's date_diff counts boundaries.
  trino_date_diff: [`(u, a, b) AS date_sub(u, a, b)`],
  trino_plus_interval: [
    `(x, i) AS CASE WHEN typeof(x) = 'DATE' AND CAST(i AS VARCHAR) LIKE '%:%' THEN error('Cannot add hour, minute or second interval to date') ELSE cast_to_type(x + i, x) END`,
  ],
  trino_minus_interval: [
    `(x, i) AS CASE WHEN typeof(x) = 'DATE' AND CAST(i AS VARCHAR) LIKE '%:%' THEN error('Cannot subtract hour, minute or second interval from date') ELSE cast_to_type(x - i, x) END`,
  ],
  // A timestamp in another zone is kept as its wall-clock time there (see the translator's AT TIME ZONE rule); a
  // timestamp without zone is read in the session zone, UTC, as Trino reads it.
  trino_at_time_zone: [
    `(x, z) AS CASE WHEN typeof(x) = 'TIMESTAMP WITH TIME ZONE' THEN CAST(x AS TIMESTAMPTZ) AT TIME ZONE z ELSE (CAST(x AS TIMESTAMP) AT TIME ZONE 'UTC') AT TIME ZONE z END`,
  ],
  trino_millisecond: [`(x) AS millisecond(x) % 1000`],
  trino_year_of_week: [`(x) AS isoyear(x)`],
  trino_day_of_week: [`(x) AS isodow(x)`],
  trino_day_of_year: [`(x) AS dayofyear(x)`],
  trino_sequence: [
    `(a BIGINT, b BIGINT) AS CASE WHEN a <= b THEN generate_series(a, b) ELSE generate_series(a, b, -1) END`,
    `(a BIGINT, b BIGINT, s BIGINT) AS CASE WHEN s = 0 THEN error('step must not be zero') ELSE generate_series(a, b, s) END`,
    `(a DATE, b DATE) AS CAST(CASE WHEN a <= b THEN generate_series(a, b, to_days(1)) ELSE generate_series(a, b, to_days(-1)) END AS DATE[])`,
    `(a DATE, b DATE, s INTERVAL) AS CAST(generate_series(a, b, s) AS DATE[])`,
    `(a TIMESTAMP, b TIMESTAMP, s INTERVAL) AS generate_series(a, b, s)`,
  ],
  // Arrays and maps. DuckDB binds both branches of a CASE, so the array-or-map choice uses functions that bind
  // for both (the JSON of a map is an object, of an array an array).
  trino_is_map: [`(c) AS typeof(c) LIKE 'MAP(%'`],
  trino_cardinality: [`(c) AS CASE WHEN trino_is_map(c) THEN CAST(len(json_keys(to_json(c))) AS BIGINT) ELSE CAST(json_array_length(to_json(c)) AS BIGINT) END`],
  // element_at: NULL past either end of an array or for a missing key; index 0 fails.
  trino_element_at: [`(c, k) AS CASE WHEN NOT trino_is_map(c) AND TRY_CAST(k AS BIGINT) = 0 THEN error('SQL array indices start at 1') ELSE c[k] END`],
  // c[k]: an index outside the array or a missing key fails the query in Trino; DuckDB returns NULL.
  trino_subscript: [
    `(c, k) AS CASE WHEN c IS NULL OR k IS NULL THEN NULL WHEN trino_is_map(c) THEN (CASE WHEN list_contains(json_keys(to_json(c)), CAST(k AS VARCHAR)) THEN c[k] ELSE error('Key not present in map: ' || CAST(k AS VARCHAR)) END) WHEN TRY_CAST(k AS BIGINT) BETWEEN 1 AND json_array_length(to_json(c)) THEN c[k] ELSE error('Array subscript must be less than or equal to array length: ' || CAST(k AS VARCHAR) || ' > ' || CAST(json_array_length(to_json(c)) AS VARCHAR)) END`,
  ],
  // contains is NULL when the value is not found but the array holds a NULL.
  trino_contains: [
    `(a, x) AS CASE WHEN a IS NULL THEN NULL WHEN x IS NOT NULL AND list_contains(a, x) THEN true WHEN x IS NULL OR list_contains(list_transform(a, e -> e IS NULL), true) THEN NULL ELSE false END`,
  ],
  trino_array_position: [`(a, x) AS CASE WHEN a IS NULL OR x IS NULL THEN NULL ELSE coalesce(list_position(a, x), 0) END`],
  trino_array_join: [
    `(a, sep) AS array_to_string(list_filter(a, e -> e IS NOT NULL), sep)`,
    `(a, sep, r) AS array_to_string(list_transform(a, e -> coalesce(CAST(e AS VARCHAR), r)), sep)`,
  ],
  trino_has_null: [`(a) AS list_contains(list_transform(a, e -> e IS NULL), true)`],
  trino_array_max: [`(a) AS CASE WHEN trino_has_null(a) THEN NULL ELSE list_max(a) END`],
  trino_array_min: [`(a) AS CASE WHEN trino_has_null(a) THEN NULL ELSE list_min(a) END`],
  trino_array_sort: [`(a) AS list_sort(a, 'ASC', 'NULLS LAST')`],
  // First occurrences, in order, one NULL kept (DuckDB's list_distinct reorders and drops NULLs).
  trino_array_distinct: [`(a) AS list_filter(a, (e, i) -> list_position(a, e) = i)`],
  trino_slice: [
    `(a, s, n) AS CASE WHEN s = 0 THEN error('SQL array indices start at 1') WHEN n < 0 THEN error('length must be greater than or equal to 0') WHEN s > 0 THEN list_slice(a, s, s + n - 1) ELSE list_slice(a, len(a) + s + 1, len(a) + s + n) END`,
  ],
  // The lambda of any_match, all_match and none_match is applied by list_transform in the SQL; these read the result.
  trino_any_true: [`(b) AS CASE WHEN b IS NULL THEN NULL WHEN list_contains(b, true) THEN true WHEN trino_has_null(b) THEN NULL ELSE false END`],
  trino_all_true: [`(b) AS CASE WHEN b IS NULL THEN NULL WHEN list_contains(b, false) THEN false WHEN trino_has_null(b) THEN NULL ELSE true END`],
};

/** Every `CREATE TEMP MACRO`, dependencies first (helpers are used by name, so order only matters for readers). */
export function trinoMacroStatements(): string[] {
  return Object.entries(macros).map(([name, overloads]) => `CREATE OR REPLACE TEMP MACRO ${name}${overloads.join(", ")}`);
}

/** The names the translator may call. */
export const TRINO_MACROS: ReadonlySet<string> = new Set(Object.keys(macros));
