/**
 * Trino's implicit coercions, as far as views need them: the common type of CASE branches, COALESCE
 * arguments and UNION columns, and the result type of arithmetic. Undefined means "not derivable here",
 * never "invalid": the analysis stays silent rather than guess.
 */
import { formatTrinoType, parseTrinoType } from "./trino-type.ts";
import {
  INTEGER_TYPES,
  arrayElementType,
  decimalParts,
  isDecimalType,
  isIntegerType,
  isIntervalType,
  isTemporalType,
  isVarcharType,
  mapEntryTypes,
} from "./type-shapes.ts";

/** The type of a bare NULL: coerces to anything. */
export const UNKNOWN_TYPE = "unknown";

const MAX_PRECISION = 38;

/** How an integer type widens to a decimal when mixed with one (Trino: integer → decimal(10,0)). */
const INTEGER_AS_DECIMAL: Readonly<Record<string, { precision: number; scale: number }>> = {
  tinyint: { precision: 3, scale: 0 },
  smallint: { precision: 5, scale: 0 },
  integer: { precision: 10, scale: 0 },
  bigint: { precision: 19, scale: 0 },
};

function asDecimal(type: string): { precision: number; scale: number } | undefined {
  return INTEGER_AS_DECIMAL[type] ?? decimalParts(type);
}

function decimal(precision: number, scale: number): string | undefined {
  return scale > MAX_PRECISION ? undefined : `decimal(${Math.min(precision, MAX_PRECISION)},${scale})`;
}

function precisionOf(type: string): number | undefined {
  const parsed = parseTrinoType(type);
  return parsed?.kind === "simple" ? parsed.params[0] : undefined;
}

function commonNumeric(a: string, b: string): string | undefined {
  if (isIntegerType(a) && isIntegerType(b)) {
    return INTEGER_TYPES[Math.max(INTEGER_TYPES.indexOf(a as never), INTEGER_TYPES.indexOf(b as never))];
  }
  const numeric = (t: string) => isIntegerType(t) || isDecimalType(t) || t === "real" || t === "double";
  if (!numeric(a) || !numeric(b)) return undefined;
  if (a === "double" || b === "double") return "double";
  if (a === "real" || b === "real") return "real";
  const x = asDecimal(a);
  const y = asDecimal(b);
  if (x === undefined || y === undefined) return undefined;
  const scale = Math.max(x.scale, y.scale);
  return decimal(scale + Math.max(x.precision - x.scale, y.precision - y.scale), scale);
}

/** The type both values coerce to, as Trino decides for CASE, COALESCE and UNION; undefined if none is known. */
export function commonSuperType(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || b === undefined) return undefined;
  if (a === b) return a;
  if (a === UNKNOWN_TYPE) return b;
  if (b === UNKNOWN_TYPE) return a;
  const numeric = commonNumeric(a, b);
  if (numeric !== undefined) return numeric;
  if (isVarcharType(a) && isVarcharType(b)) {
    const x = precisionOf(a);
    const y = precisionOf(b);
    return x === undefined || y === undefined ? "varchar" : `varchar(${Math.max(x, y)})`;
  }
  if (isTemporalType(a) && isTemporalType(b)) return commonTemporal(a, b);
  const elementA = arrayElementType(a);
  const elementB = arrayElementType(b);
  if (elementA !== undefined && elementB !== undefined) {
    const element = commonSuperType(elementA, elementB);
    return element === undefined ? undefined : `array(${element})`;
  }
  const mapA = mapEntryTypes(a);
  const mapB = mapEntryTypes(b);
  if (mapA !== undefined && mapB !== undefined) {
    const key = commonSuperType(mapA.key, mapB.key);
    const value = commonSuperType(mapA.value, mapB.value);
    return key === undefined || value === undefined ? undefined : `map(${key}, ${value})`;
  }
  return undefined;
}

/** date and timestamp(p) meet at timestamp(p); two timestamps at the larger precision. */
function commonTemporal(a: string, b: string): string | undefined {
  if (a === "date") return b.startsWith("timestamp(") && !b.endsWith("zone") ? b : undefined;
  if (b === "date") return commonTemporal(b, a);
  const x = parseTrinoType(a);
  const y = parseTrinoType(b);
  if (x?.kind !== "simple" || y?.kind !== "simple" || x.name !== y.name) return undefined;
  if (Boolean(x.withTimeZone) !== Boolean(y.withTimeZone)) return undefined;
  const precision = Math.max(x.params[0] ?? 3, y.params[0] ?? 3);
  return formatTrinoType({ ...x, params: [precision] });
}

/** The common type of several values (CASE branches, COALESCE arguments); undefined when any is unknown. */
export function commonSuperTypeOf(types: readonly (string | undefined)[]): string | undefined {
  let result: string | undefined = UNKNOWN_TYPE;
  for (const type of types) result = commonSuperType(result, type);
  return result;
}

/** Result type of `left <op> right` for + - * / %. */
export function arithmeticType(operator: string, left: string | undefined, right: string | undefined): string | undefined {
  if (left === undefined || right === undefined) return undefined;
  if (left === UNKNOWN_TYPE) return right;
  if (right === UNKNOWN_TYPE) return left;
  if ((operator === "+" || operator === "-") && isTemporalType(left) && isIntervalType(right)) return left;
  if (operator === "+" && isIntervalType(left) && isTemporalType(right)) return right;
  if (isIntegerType(left) && isIntegerType(right)) return commonNumeric(left, right);
  if (left === "double" || right === "double" || left === "real" || right === "real") return commonNumeric(left, right);
  const x = asDecimal(left);
  const y = asDecimal(right);
  if (x === undefined || y === undefined) return undefined;
  return decimalArithmetic(operator, x, y);
}

/** Trino's decimal result rules (DecimalOperators). */
function decimalArithmetic(
  operator: string,
  x: { precision: number; scale: number },
  y: { precision: number; scale: number },
): string | undefined {
  const scale = Math.max(x.scale, y.scale);
  switch (operator) {
    case "+":
    case "-":
      return decimal(scale + Math.max(x.precision - x.scale, y.precision - y.scale) + 1, scale);
    case "*":
      return decimal(x.precision + y.precision, x.scale + y.scale);
    case "/":
      return decimal(x.precision + y.scale + Math.max(0, y.scale - x.scale), scale);
    case "%":
      return decimal(Math.min(x.precision - x.scale, y.precision - y.scale) + scale, scale);
    default:
      return undefined;
  }
}
