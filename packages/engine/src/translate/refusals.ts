/**
 * The one place that says what the offline engine refuses to run, and why. A unit test that meets one of these
 * is reported as "cannot run offline: <construct> at <file>:<line>" (skipped and counted), never as passed.
 * Functions not listed in trino-functions.ts are refused as well, with `unknownFunction`.
 */
import type { Position } from "./ast.ts";

export interface Refusal {
  /** What could not run faithfully, in words a domain team understands. */
  readonly construct: string;
  /** 1-based position in the SQL as written, when known. */
  readonly position?: Position;
}

export const REFUSED = {
  unknownFunction: (name: string) => `${name}() (not in the offline engine's reviewed Trino functions)`,
  unreviewedSyntax: (kind: string) => `${kind.replaceAll("_", " ")} (syntax not reviewed for Trino semantics)`,
  nondeterministic: (name: string) => `${name}() (random results cannot be compared)`,
  minMaxOfN: (name: string) => `${name}(x, n) (the n largest or smallest values)`,
  arraySortComparator: () => "array_sort with a comparator lambda",
  patternNotLiteral: (name: string) => `${name} with a pattern that is not a string literal`,
  patternField: (name: string, detail: string) => `${name}: ${detail}`,
  patternWithZone: (name: string) => `${name} with a time zone in its pattern (Trino keeps the parsed zone)`,
  regexpReplacement: () => "regexp_replace with a replacement that is not a string literal",
  zoneNotLiteral: () => "AT TIME ZONE with a zone that is not a string literal",
  zonedValueUse: (what: string) =>
    `${what} used other than by CAST to timestamp or date, format_datetime, date_format or a date field (hour, day, ...): Trino keeps the value's zone, the emulation only its wall-clock time`,
  isoTimestampUse: () =>
    "from_iso8601_timestamp(...) used other than under AT TIME ZONE, in a comparison, to_unixtime, date_diff, a CAST to timestamp or date, format_datetime or a date field: Trino keeps the string's UTC offset as the value's zone, the emulation does not",
  fromUnixtimeZone: () => "from_unixtime with a time zone",
  timestampLiteralWithZone: () => "a TIMESTAMP literal with a time zone",
  castTo: (type: string) => `CAST to ${type}`,
  tryAroundVarcharCast: () => "try() around a CAST to varchar (the emulation's refusal of some casts would become NULL)",
  unnestIntoColumns: () => "UNNEST of one map or array of rows into several columns",
  withTiesShape: () => "FETCH ... WITH TIES on a query with DISTINCT, set operations or without ORDER BY",
  intervalQualifier: (text: string) => `the interval ${text}`,
  charColumn: (relation: string, column: string) => `the char(n) column ${relation}.${column} (Trino pads and compares char values differently)`,
  extractField: (field: string) => `EXTRACT(${field} FROM ...)`,
} as const;
