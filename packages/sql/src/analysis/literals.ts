/** Types of literals: numbers, `DATE '...'`-style constructors and intervals, as Trino types them. */
import {
  DecimalLiteralContext,
  DoubleLiteralContext,
  type IntervalContext,
  type NumberContext,
  type StringContext,
  type TypeConstructorContext,
} from "../parse/trino-grammar.ts";
import { normalizeTrinoType } from "../types/trino-type.ts";

const INTEGER_MAX = 2n ** 31n - 1n;
const BIGINT_MAX = 2n ** 63n - 1n;

/** `42` → integer, `3000000000` → bigint, `1.50` → decimal(3,2), `1e3` → double. */
export function numberType(node: NumberContext): string | undefined {
  const text = node.getText().replace(/^-/, "");
  if (node instanceof DoubleLiteralContext) return "double";
  if (node instanceof DecimalLiteralContext) return decimalLiteralType(text);
  const value = BigInt(text.replace(/_/g, ""));
  if (value <= INTEGER_MAX) return "integer";
  return value <= BIGINT_MAX ? "bigint" : undefined;
}

/** Precision counts significant digits, scale the digits after the point (`0.5` → decimal(1,1)). */
function decimalLiteralType(text: string): string | undefined {
  const match = /^0*(\d*)(?:\.(\d*))?$/.exec(text.replace(/_/g, ""));
  if (match === null) return undefined;
  const whole = match[1] ?? "";
  const fraction = match[2] ?? "";
  const precision = Math.max(whole.length + fraction.length, 1);
  return precision > 38 ? undefined : `decimal(${precision},${fraction.length})`;
}

/** `'abc'` is varchar(3): Trino types a string literal by its length in characters. */
export function stringLiteralType(node: StringContext): string {
  return `varchar(${[...stringValue(node)].length})`;
}

/** The text of a string literal without quotes (`'it''s'` → `it's`). */
export function stringValue(node: StringContext): string {
  const text = node.getText();
  const quoted = /^U&/i.test(text) ? text.slice(2) : text;
  return quoted.slice(1, -1).replaceAll("''", "'");
}

const DATETIME = /^\s*-?\d+-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{1,2}(?::\d{1,2}(?:\.(\d+))?)?)?\s*(.*?)\s*$/;
const TIME = /^\s*\d{1,2}:\d{1,2}(?::\d{1,2}(?:\.(\d+))?)?\s*(.*?)\s*$/;

/**
 * `DATE '2024-01-01'` → date; `TIMESTAMP '2024-01-01 10:00:00.123'` → timestamp(3): like Trino, the
 * precision is the number of fractional digits written and a zone makes it `with time zone`.
 */
export function typeConstructorType(node: TypeConstructorContext): string | undefined {
  const name = node.KW_DOUBLE() !== null ? "double" : (node.identifier()?.getText().toLowerCase() ?? "");
  const value = stringValue(node.string());
  if (name === "timestamp" || name === "time") {
    const match = (name === "time" ? TIME : DATETIME).exec(value);
    if (match === null) return undefined;
    const precision = match[1]?.length ?? 0;
    return `${name}(${precision})${match[2] ? " with time zone" : ""}`;
  }
  if (name === "decimal" || name === "numeric") return decimalLiteralType(value.trim().replace(/^[+-]/, ""));
  if (name === "char") return `char(${Math.max(value.length, 1)})`;
  return normalizeTrinoType(name);
}

/** `INTERVAL '1' DAY` → interval day to second; YEAR and MONTH intervals are year to month. */
export function intervalType(node: IntervalContext): string {
  const field = node.intervalField(0)?.getText().toLowerCase();
  return field === "year" || field === "month" ? "interval year to month" : "interval day to second";
}
