/**
 * Trino's implicit coercions (io.trino.type.TypeCoercion), rule for rule: which type a value may be used as
 * without a CAST, and the common type two values meet at (CASE branches, COALESCE, UNION, the operands of a
 * comparison). Every check of the analysis that says "these types do not go together" rests on this file,
 * so it follows Trino exactly and nothing else.
 */
import { formatTrinoType, parseTrinoType, type TrinoType } from "./trino-type.ts";

/** The type of a bare NULL: coerces to anything. */
export const UNKNOWN_TYPE = "unknown";

const MAX_DECIMAL_PRECISION = 38;
const UNKNOWN: TrinoType = { kind: "simple", name: UNKNOWN_TYPE, params: [] };

export interface Compatibility {
  /** Where both meet; undefined when they never do. */
  readonly common?: TrinoType;
  /** Whether the first type converts to the second implicitly (then `common` is the second). */
  readonly coercible: boolean;
}

const INCOMPATIBLE: Compatibility = { coercible: false };

function simple(name: string, params: readonly number[] = [], withTimeZone?: boolean): TrinoType {
  return withTimeZone === undefined ? { kind: "simple", name, params } : { kind: "simple", name, params, withTimeZone };
}

/** Trino's base name: the type without parameters (`timestamp(3) with time zone` → `timestamp with time zone`). */
export function baseName(type: TrinoType): string {
  if (type.kind !== "simple") return type.kind;
  return type.withTimeZone ? `${type.name} with time zone` : type.name;
}

function same(a: TrinoType, b: TrinoType): boolean {
  return formatTrinoType(a) === formatTrinoType(b);
}

/** The default instance of a base type, as a NULL becomes one (TypeCoercion.coerceTypeBase, case UNKNOWN). */
const UNKNOWN_TARGETS: Readonly<Record<string, TrinoType>> = {
  boolean: simple("boolean"),
  bigint: simple("bigint"),
  integer: simple("integer"),
  double: simple("double"),
  real: simple("real"),
  varbinary: simple("varbinary"),
  date: simple("date"),
  time: simple("time", [3], false),
  "time with time zone": simple("time", [3], true),
  timestamp: simple("timestamp", [3], false),
  "timestamp with time zone": simple("timestamp", [3], true),
  hyperloglog: simple("hyperloglog"),
  setdigest: simple("setdigest"),
  p4hyperloglog: simple("p4hyperloglog"),
  json: simple("json"),
  "interval year to month": simple("interval year to month"),
  "interval day to second": simple("interval day to second"),
  joniregexp: simple("joniregexp"),
  jsonpath: simple("jsonpath"),
  color: simple("color"),
  codepoints: simple("codepoints"),
  varchar: simple("varchar", [0]),
  char: simple("char", [0]),
  decimal: simple("decimal", [1, 0]),
};

/** What each base type widens to, one step (TypeCoercion.coerceTypeBase). */
const WIDENINGS: Readonly<Record<string, Readonly<Record<string, TrinoType>>>> = {
  tinyint: { smallint: simple("smallint"), integer: simple("integer"), bigint: simple("bigint"), real: simple("real"), double: simple("double"), decimal: simple("decimal", [3, 0]) },
  smallint: { integer: simple("integer"), bigint: simple("bigint"), real: simple("real"), double: simple("double"), decimal: simple("decimal", [5, 0]) },
  integer: { bigint: simple("bigint"), real: simple("real"), double: simple("double"), decimal: simple("decimal", [10, 0]) },
  bigint: { real: simple("real"), double: simple("double"), decimal: simple("decimal", [19, 0]) },
  decimal: { real: simple("real"), double: simple("double") },
  real: { double: simple("double") },
  date: { timestamp: simple("timestamp", [0], false), "timestamp with time zone": simple("timestamp", [0], true) },
  p4hyperloglog: { hyperloglog: simple("hyperloglog") },
};

/** The source type rewritten to the target base, when Trino has such an implicit coercion. */
export function coerceTypeBase(source: TrinoType, targetBase: string): TrinoType | undefined {
  const base = baseName(source);
  if (base === targetBase) return source;
  if (base === UNKNOWN_TYPE) return UNKNOWN_TARGETS[targetBase];
  if (source.kind !== "simple") return undefined;
  const widened = WIDENINGS[base]?.[targetBase];
  if (widened !== undefined) return widened;
  const precision = source.params[0] ?? 3;
  if (base === "time" && targetBase === "time with time zone") return simple("time", [precision], true);
  if (base === "timestamp" && targetBase === "timestamp with time zone") return simple("timestamp", [precision], true);
  if (base === "varchar" || base === "char") {
    // char(n) reads as varchar(n); both may stand for the internal regexp, JSON path and code point types.
    if (base === "char" && targetBase === "varchar") return simple("varchar", [source.params[0] ?? 1]);
    if (["joniregexp", "re2jregexp", "jsonpath", "codepoints"].includes(targetBase)) return simple(targetBase);
  }
  return undefined;
}

function sameBase(from: TrinoType, to: TrinoType): Compatibility {
  if (from.kind === "array" && to.kind === "array") return covariant([from.element], [to.element], ([e]) => ({ kind: "array", element: e! }));
  if (from.kind === "map" && to.kind === "map") {
    return covariant([from.key, from.value], [to.key, to.value], ([k, v]) => ({ kind: "map", key: k!, value: v! }));
  }
  if (from.kind === "row" && to.kind === "row") return rowCompatibility(from, to);
  if (from.kind !== "simple" || to.kind !== "simple") return INCOMPATIBLE;
  let common: TrinoType | undefined;
  const [p0, p1] = from.params;
  const [q0, q1] = to.params;
  switch (from.name) {
    case "decimal": {
      const scale = Math.max(p1 ?? 0, q1 ?? 0);
      const precision = Math.min(MAX_DECIMAL_PRECISION, Math.max((p0 ?? 38) - (p1 ?? 0), (q0 ?? 38) - (q1 ?? 0)) + scale);
      common = simple("decimal", [precision, scale]);
      break;
    }
    case "varchar":
      common = p0 === undefined || q0 === undefined ? simple("varchar") : simple("varchar", [Math.max(p0, q0)]);
      break;
    case "char":
      common = simple("char", [Math.max(p0 ?? 1, q0 ?? 1)]);
      break;
    case "timestamp":
    case "time":
      common = simple(from.name, [Math.max(p0 ?? 3, q0 ?? 3)], Boolean(from.withTimeZone));
      break;
    default:
      return INCOMPATIBLE;
  }
  return { common, coercible: same(common, to) };
}

function covariant(from: readonly TrinoType[], to: readonly TrinoType[], build: (parts: TrinoType[]) => TrinoType): Compatibility {
  const parts: TrinoType[] = [];
  let coercible = true;
  for (let i = 0; i < from.length; i++) {
    const result = compatibility(from[i]!, to[i]!);
    if (result.common === undefined) return INCOMPATIBLE;
    coercible &&= result.coercible;
    parts.push(result.common);
  }
  return { common: build(parts), coercible };
}

/** Rows meet field by field; a field keeps its name only when both sides agree. Names do not affect coercion. */
function rowCompatibility(from: Extract<TrinoType, { kind: "row" }>, to: Extract<TrinoType, { kind: "row" }>): Compatibility {
  if (from.fields.length !== to.fields.length) return INCOMPATIBLE;
  let coercible = true;
  const fields = [];
  for (let i = 0; i < from.fields.length; i++) {
    const a = from.fields[i]!;
    const b = to.fields[i]!;
    const result = compatibility(a.type, b.type);
    if (result.common === undefined) return INCOMPATIBLE;
    coercible &&= result.coercible;
    const name = a.name !== undefined && b.name !== undefined && a.name.toLowerCase() === b.name.toLowerCase() ? a.name : undefined;
    fields.push(name === undefined ? { type: result.common } : { name, type: result.common });
  }
  return { common: { kind: "row", fields }, coercible };
}

export function compatibility(from: TrinoType, to: TrinoType): Compatibility {
  if (same(from, to)) return { common: to, coercible: true };
  if (baseName(from) === UNKNOWN_TYPE) return { common: to, coercible: true };
  if (baseName(to) === UNKNOWN_TYPE) return { common: from, coercible: false };
  if (baseName(from) === baseName(to)) return sameBase(from, to);
  const forward = coerceTypeBase(from, baseName(to));
  if (forward !== undefined) return compatibility(forward, to);
  const backward = coerceTypeBase(to, baseName(from));
  if (backward !== undefined) {
    const result = compatibility(from, backward);
    return result.common === undefined ? INCOMPATIBLE : { common: result.common, coercible: false };
  }
  return INCOMPATIBLE;
}

function parsed(text: string): TrinoType | undefined {
  return text === UNKNOWN_TYPE ? UNKNOWN : parseTrinoType(text);
}

/**
 * Whether a value of type `from` can be used as type `to` without a CAST (both Trino type strings). Types that
 * do not parse coerce only to the same text.
 */
export function canCoerce(from: string, to: string): boolean {
  const source = parsed(from);
  const target = parsed(to);
  if (source === undefined || target === undefined) return from.trim().toLowerCase() === to.trim().toLowerCase();
  return compatibility(source, target).coercible;
}

/**
 * The type two values meet at, as Trino decides for CASE, COALESCE, UNION and comparisons; undefined when
 * either is unknown to the analysis, `null` when they have no common type (a real error).
 */
export function commonSuperType(a: string | undefined, b: string | undefined): string | undefined | null {
  if (a === undefined || b === undefined) return undefined;
  if (a === b) return a;
  const x = parsed(a);
  const y = parsed(b);
  if (x === undefined || y === undefined) return undefined;
  const common = compatibility(x, y).common;
  return common === undefined ? null : formatTrinoType(common);
}
