/** Questions inference asks about a type string: what an array holds, a row's fields, integer or not. */
import { formatTrinoType, parseTrinoType } from "./trino-type.ts";

/** Trino's integer types, narrowest first. */
export const INTEGER_TYPES = ["tinyint", "smallint", "integer", "bigint"] as const;

export function isIntegerType(type: string | undefined): boolean {
  return type !== undefined && (INTEGER_TYPES as readonly string[]).includes(type);
}

export function isVarcharType(type: string | undefined): boolean {
  return type !== undefined && (type === "varchar" || type.startsWith("varchar("));
}

export function decimalParts(type: string | undefined): { precision: number; scale: number } | undefined {
  const parsed = type === undefined ? undefined : parseTrinoType(type);
  if (parsed?.kind !== "simple" || parsed.name !== "decimal") return undefined;
  return { precision: parsed.params[0] ?? 38, scale: parsed.params[1] ?? 0 };
}

export function isDecimalType(type: string | undefined): boolean {
  return type?.startsWith("decimal(") === true;
}

export function isTemporalType(type: string | undefined): boolean {
  return type === "date" || type?.startsWith("timestamp(") === true || type?.startsWith("time(") === true;
}

export function isIntervalType(type: string | undefined): boolean {
  return type?.startsWith("interval ") === true;
}

/** `array(T)` → `T`. */
export function arrayElementType(type: string | undefined): string | undefined {
  const parsed = type === undefined ? undefined : parseTrinoType(type);
  return parsed?.kind === "array" ? formatTrinoType(parsed.element) : undefined;
}

/** `map(K, V)` → `{ key: K, value: V }`. */
export function mapEntryTypes(type: string | undefined): { key: string; value: string } | undefined {
  const parsed = type === undefined ? undefined : parseTrinoType(type);
  return parsed?.kind === "map" ? { key: formatTrinoType(parsed.key), value: formatTrinoType(parsed.value) } : undefined;
}

/** The fields of a `row(...)` type, names lower case; undefined for anything else. */
export function rowFields(type: string | undefined): { name: string | undefined; type: string }[] | undefined {
  const parsed = type === undefined ? undefined : parseTrinoType(type);
  if (parsed?.kind !== "row") return undefined;
  return parsed.fields.map((f) => ({ name: f.name?.toLowerCase(), type: formatTrinoType(f.type) }));
}

/** `timestamp(3)` → `timestamp(3) with time zone` (what `AT TIME ZONE` yields). */
export function withTimeZone(type: string | undefined): string | undefined {
  const parsed = type === undefined ? undefined : parseTrinoType(type);
  if (parsed?.kind !== "simple" || (parsed.name !== "timestamp" && parsed.name !== "time")) return undefined;
  return formatTrinoType({ ...parsed, withTimeZone: true });
}
