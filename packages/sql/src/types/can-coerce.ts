/**
 * Trino's implicit coercion test (TypeCoercion.canCoerce): whether a value of one type may be used where
 * another is expected without a CAST. Athena applies it to a view's stored column types on every read:
 * a query type that does not coerce to the stored type makes the view stale.
 */
import { formatTrinoType, parseTrinoType, type TrinoType } from "./trino-type.ts";
import { UNKNOWN_TYPE } from "./coercion.ts";

/** Smallest decimal each integer type fits into. */
const INTEGER_DIGITS: Readonly<Record<string, number>> = { tinyint: 3, smallint: 5, integer: 10, bigint: 19 };
const INTEGER_ORDER = ["tinyint", "smallint", "integer", "bigint"];

function simpleCoerces(from: Extract<TrinoType, { kind: "simple" }>, to: Extract<TrinoType, { kind: "simple" }>): boolean {
  const [p0, p1] = from.params;
  const [q0, q1] = to.params;
  const fromDigits = INTEGER_DIGITS[from.name];
  if (fromDigits !== undefined) {
    if (INTEGER_ORDER.includes(to.name)) return INTEGER_ORDER.indexOf(to.name) >= INTEGER_ORDER.indexOf(from.name);
    if (to.name === "real" || to.name === "double") return true;
    return to.name === "decimal" && (q0 ?? 38) - (q1 ?? 0) >= fromDigits;
  }
  switch (from.name) {
    case "real":
      return to.name === "real" || to.name === "double";
    case "decimal":
      if (to.name === "real" || to.name === "double") return true;
      return to.name === "decimal" && (q1 ?? 0) >= (p1 ?? 0) && (q0 ?? 38) - (q1 ?? 0) >= (p0 ?? 38) - (p1 ?? 0);
    case "varchar":
      // varchar(n) widens to varchar(m >= n) and to unbounded varchar.
      return to.name === "varchar" && (q0 === undefined || (p0 !== undefined && p0 <= q0));
    case "char":
      return to.name === "char" && p0 !== undefined && q0 !== undefined && p0 <= q0;
    case "date":
      return to.name === "date" || to.name === "timestamp";
    case "timestamp":
    case "time":
      if (to.name !== from.name || (p0 ?? 3) > (q0 ?? 3)) return false;
      return Boolean(from.withTimeZone) === Boolean(to.withTimeZone) || (!from.withTimeZone && from.name === "timestamp");
    default:
      return formatTrinoType(from) === formatTrinoType(to);
  }
}

function coerces(from: TrinoType, to: TrinoType): boolean {
  if (from.kind === "array" && to.kind === "array") return coerces(from.element, to.element);
  if (from.kind === "map" && to.kind === "map") return coerces(from.key, to.key) && coerces(from.value, to.value);
  if (from.kind === "row" && to.kind === "row") {
    return (
      from.fields.length === to.fields.length &&
      from.fields.every((f, i) => {
        const target = to.fields[i];
        if (target === undefined) return false;
        const namesAgree = f.name === undefined || target.name === undefined || f.name.toLowerCase() === target.name.toLowerCase();
        return namesAgree && coerces(f.type, target.type);
      })
    );
  }
  if (from.kind === "simple" && to.kind === "simple") return simpleCoerces(from, to);
  return false;
}

/**
 * Whether a value of type `from` can be used as type `to` without a CAST (both Trino type strings).
 * `unknown` (a bare NULL) coerces to anything; types that do not parse coerce only to the same text.
 */
export function canCoerce(from: string, to: string): boolean {
  if (from === UNKNOWN_TYPE) return true;
  const source = parseTrinoType(from);
  const target = parseTrinoType(to);
  if (source === undefined || target === undefined) return from.trim().toLowerCase() === to.trim().toLowerCase();
  return coerces(source, target);
}
