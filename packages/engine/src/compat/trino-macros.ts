/**
 * The Trino compatibility layer: DuckDB macros that compute what Trino computes where DuckDB's own function
 * differs or is missing. The translator calls them by these `trino_*` names, so a DuckDB function of the same
 * name is never used by mistake. Overloads on argument types (DuckDB 1.5) choose Trino's behaviour per type at
 * bind time, with DuckDB's real types: an exact type always has its own overload, since DuckDB would otherwise
 * pick a typed overload through an implicit cast (INTEGER to DOUBLE) before the untyped one.
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
  // DuckDB returns NULL. Decimal division keeps the larger scale, rounding half up (Trino's DecimalOperators).
  // Typed parameters cast their argument (DECIMAL means DECIMAL(18,3)), so the first two only choose the overload
  // and the last two, the same expressions, are computed with: the translator writes `trino_divide(a, b, a, b)`.
  trino_divide: [
    `(ta BIGINT, tb BIGINT, a, b) AS CASE WHEN b = 0 THEN error('Division by zero') ELSE a / b END`,
    `(ta DECIMAL, tb DECIMAL, a, b) AS CASE WHEN b = 0 THEN error('Division by zero') ELSE cast_to_type(a / b, (a + b) * CAST(0 AS DECIMAL(38,0))) END`,
    `(ta DOUBLE, tb DOUBLE, a, b) AS CASE WHEN a IS NULL OR b IS NULL THEN NULL WHEN b = 0 THEN (CASE WHEN isnan(a) OR a = 0 THEN 'NaN'::DOUBLE WHEN a > 0 THEN 'Infinity'::DOUBLE ELSE '-Infinity'::DOUBLE END) ELSE a / b END`,
    `(ta, tb, a, b) AS a / b`,
  ],
  trino_modulus: [
    `(ta BIGINT, tb BIGINT, a, b) AS CASE WHEN b = 0 THEN error('Division by zero') ELSE a % b END`,
    `(ta DECIMAL, tb DECIMAL, a, b) AS CASE WHEN b = 0 THEN error('Division by zero') ELSE a % b END`,
    `(ta DOUBLE, tb DOUBLE, a, b) AS CASE WHEN a IS NULL OR b IS NULL THEN NULL WHEN b = 0 THEN 'NaN'::DOUBLE ELSE fmod(a, b) END`,
    `(ta, tb, a, b) AS a % b`,
  ],
  // sum(integer) and count_if are bigint in Trino, HUGEINT in DuckDB: casting back fails on overflow, as Trino does.
  trino_bigint_result: [`(t HUGEINT, v) AS CAST(v AS BIGINT)`, `(t, v) AS v`],
  // avg(decimal(p,s)) is decimal(p,s) in Trino (rounded half up), double in DuckDB; the sample lends its type.
  trino_avg_result: [`(v, t DECIMAL, sample) AS cast_to_type(v, sample)`, `(v, t BIGINT, sample) AS v`, `(v, t DOUBLE, sample) AS v`, `(v, t, sample) AS v`],
  // CAST(double AS integer) rounds half away from zero in Trino; DuckDB rounds half to even.
  ...Object.fromEntries(
    ["TINYINT", "SMALLINT", "INTEGER", "BIGINT"].map((t) => [
      `trino_cast_${t.toLowerCase()}`,
      [`(t DOUBLE, x) AS CAST(round(x) AS ${t})`, `(t BIGINT, x) AS CAST(x AS ${t})`, `(t DECIMAL, x) AS CAST(x AS ${t})`, `(t VARCHAR, x) AS CAST(x AS ${t})`, `(t, x) AS CAST(x AS ${t})`],
    ]),
  ),
  // CAST(x AS varchar): Trino writes timestamps with their precision and zone; doubles in its own notation.
  trino_cast_varchar: [
    `(t TIMESTAMP, x) AS strftime(x, '%Y-%m-%d %H:%M:%S.%g')`,
    `(t TIMESTAMPTZ, x) AS strftime(x, '%Y-%m-%d %H:%M:%S.%g') || ' UTC'`,
    `(t DATE, x) AS CAST(x AS VARCHAR)`,
    `(t DOUBLE, x) AS ${refuse("CAST of a double or real to varchar (Trino writes them as 1.5E0)")}`,
    `(t BIGINT, x) AS CAST(x AS VARCHAR)`,
    `(t DECIMAL, x) AS CAST(x AS VARCHAR)`,
    `(t VARCHAR, x) AS x`,
    `(t BOOLEAN, x) AS CAST(x AS VARCHAR)`,
    `(t, x) AS CAST(x AS VARCHAR)`,
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
  trino_from_iso8601_date: [`(s) AS CASE WHEN s IS NULL THEN NULL WHEN regexp_full_match(s, '\\d{4}-\\d{2}-\\d{2}') THEN CAST(s AS DATE) ELSE error('Invalid format: "' || s || '"') END`],
  // date_trunc and date_add keep a date a date in Trino; DuckDB makes it a timestamp.
  trino_date_trunc: [`(u, x DATE) AS CAST(date_trunc(u, x) AS DATE)`, `(u, x TIMESTAMP) AS date_trunc(u, x)`, `(u, x TIMESTAMPTZ) AS date_trunc(u, x)`, `(u, x) AS date_trunc(u, x)`],
  trino_interval: [
    `(u, n) AS CASE lower(u) WHEN 'millisecond' THEN to_milliseconds(n) WHEN 'second' THEN to_seconds(n) WHEN 'minute' THEN to_minutes(n) WHEN 'hour' THEN to_hours(n) WHEN 'day' THEN to_days(n) WHEN 'week' THEN to_weeks(n) WHEN 'month' THEN to_months(n) WHEN 'quarter' THEN to_months(3 * n) WHEN 'year' THEN to_years(n) ELSE error('Unsupported unit: ' || u) END`,
  ],
  trino_date_add: [
    `(u, n, x DATE) AS CASE WHEN lower(u) IN ('day', 'week', 'month', 'quarter', 'year') THEN CAST(x + trino_interval(u, n) AS DATE) ELSE error('''' || u || ''' is not a valid DATE field') END`,
    `(u, n, x TIMESTAMP) AS x + trino_interval(u, n)`,
    `(u, n, x TIMESTAMPTZ) AS x + trino_interval(u, n)`,
    `(u, n, x) AS x + trino_interval(u, n)`,
  ],
  // Trino counts whole units between the two values (DuckDB's date_sub); DuckDB's date_diff counts boundaries.
  trino_date_diff: [`(u, a, b) AS date_sub(u, a, b)`],
  trino_plus_interval: [
    `(x DATE, i INTERVAL) AS CASE WHEN CAST(i AS VARCHAR) LIKE '%:%' THEN error('Cannot add hour, minute or second interval to date') ELSE CAST(x + i AS DATE) END`,
    `(x, i) AS x + i`,
  ],
  trino_minus_interval: [
    `(x DATE, i INTERVAL) AS CASE WHEN CAST(i AS VARCHAR) LIKE '%:%' THEN error('Cannot subtract hour, minute or second interval from date') ELSE CAST(x - i AS DATE) END`,
    `(x, i) AS x - i`,
  ],
  // A timestamp in another zone is kept as its wall-clock time there (see the translator's AT TIME ZONE rule).
  trino_at_time_zone: [`(x TIMESTAMP, z) AS (x AT TIME ZONE 'UTC') AT TIME ZONE z`, `(x TIMESTAMPTZ, z) AS x AT TIME ZONE z`, `(x, z) AS x AT TIME ZONE z`],
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
