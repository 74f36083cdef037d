/**
 * Values in one canonical form, whichever side they come from: rows a test gives or expects (validated against
 * the declarations by @baikal/platform) and rows DuckDB returns. Integers and decimals are strings (exact, any
 * size), timestamps `yyyy-MM-dd HH:mm:ss.SSS`, dates `yyyy-MM-dd`, binary lower-case hex, maps objects keyed by
 * the canonical text of their keys, structs objects in field order, doubles numbers.
 */
import { type ColumnType, duckdbType } from "./column-type.ts";

export type CanonicalValue = null | boolean | number | string | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue };
export type Row = Readonly<Record<string, CanonicalValue>>;

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

function literalBody(value: CanonicalValue, type: ColumnType): string {
  if (value === null) return "NULL";
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "boolean":
          return value ? "true" : "false";
        case "float":
        case "double":
          return typeof value === "number" && Number.isFinite(value) ? String(value) : quote(String(value));
        case "binary":
          return `unhex(${quote(String(value))})`;
        case "tinyint":
        case "smallint":
        case "int":
        case "bigint":
          return String(value);
        default:
          return quote(String(value));
      }
    case "decimal":
      return quote(String(value));
    case "varchar":
    case "char":
      return quote(String(value));
    case "array":
      return `[${(value as CanonicalValue[]).map((v) => literal(v, type.element)).join(", ")}]`;
    case "map": {
      const entries = Object.entries(value as Record<string, CanonicalValue>);
      return `MAP {${entries.map(([k, v]) => `${literal(k, type.key)}: ${literal(v, type.value)}`).join(", ")}}`;
    }
    case "struct": {
      const record = value as Record<string, CanonicalValue>;
      return `{${type.fields.map((f) => `${quote(f.name)}: ${literal(record[f.name] ?? null, f.type)}`).join(", ")}}`;
    }
  }
}

/** A typed SQL literal for a canonical value. */
export function literal(value: CanonicalValue, type: ColumnType): string {
  return `CAST(${literalBody(value, type)} AS ${duckdbType(type)})`;
}

/** Timestamps rounded half up to milliseconds, as Trino narrows timestamp(6) to timestamp(3). */
function timestamp(text: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d+))?/.exec(text);
  if (!match) return text;
  const fraction = (match[3] ?? "").padEnd(6, "0");
  const millis = Math.round(Number(fraction.slice(0, 6)) / 1000);
  if (millis < 1000) return `${match[1]} ${match[2]}.${String(millis).padStart(3, "0")}`;
  const next = new Date(Date.parse(`${match[1]}T${match[2]}Z`) + 1000).toISOString();
  return `${next.slice(0, 10)} ${next.slice(11, 19)}.000`;
}

function hex(text: string): string {
  // node-api writes BLOBs as \xCA\xFE escapes, printable bytes as themselves.
  let out = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\" && text[i + 1] === "x") {
      out += text.slice(i + 2, i + 4).toLowerCase();
      i += 3;
    } else out += text.charCodeAt(i).toString(16).padStart(2, "0");
  }
  return out;
}

/** The canonical form of a value read from DuckDB (node-api's JSON form) as the declared type. */
export function canonical(json: unknown, type: ColumnType): CanonicalValue {
  if (json === null || json === undefined) return null;
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "boolean":
          return Boolean(json);
        case "float":
        case "double":
          return typeof json === "number" ? json : Number(json);
        case "timestamp":
          return timestamp(String(json));
        case "binary":
          return hex(String(json));
        default:
          return String(json);
      }
    case "decimal":
    case "varchar":
    case "char":
      return String(json);
    case "array":
      return (json as unknown[]).map((v) => canonical(v, type.element));
    case "map":
      return Object.fromEntries(
        (json as { key: unknown; value: unknown }[]).map(({ key, value }) => [keyText(canonical(key, type.key)), canonical(value, type.value)]),
      );
    case "struct": {
      const record = json as Record<string, unknown>;
      return Object.fromEntries(type.fields.map((f) => [f.name, canonical(record[f.name], f.type)]));
    }
  }
}

/** Map keys are primitives; their canonical text keys the object. */
export function keyText(value: CanonicalValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}
