/**
 * The values a unit test writes for a column, checked against its Hive type and brought to the engine's
 * canonical form: integers and decimals as exact strings, timestamps `yyyy-MM-dd HH:mm:ss.SSS`, dates
 * `yyyy-MM-dd`, binary as hex, maps as objects keyed by the key's text, structs as objects.
 */
import type { HiveType } from "../declarations/hive-type.ts";
import { formatHiveType } from "../declarations/hive-type.ts";
import { didYouMean } from "../problems/suggest.ts";

export type TypedValue = null | boolean | number | string | readonly TypedValue[] | { readonly [key: string]: TypedValue };

export interface ValueProblem {
  /** Path below the column (array index, map key, struct field). */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

const INTEGER_RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  tinyint: [-128n, 127n],
  smallint: [-32768n, 32767n],
  int: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};

const describe = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "a list" : typeof value === "string" ? JSON.stringify(value) : typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;

class Invalid extends Error {
  constructor(readonly path: (string | number)[], message: string) {
    super(message);
  }
}

function fail(type: HiveType, value: unknown, how: string, path: (string | number)[] = []): never {
  throw new Invalid(path, `expected ${formatHiveType(type)} (${how}), got ${describe(value)}`);
}

function validDate(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

function convert(type: HiveType, value: unknown, path: (string | number)[]): TypedValue {
  if (value === null) return null;
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "boolean":
          if (typeof value !== "boolean") fail(type, value, "true or false");
          return value;
        case "tinyint":
        case "smallint":
        case "int":
        case "bigint": {
          const text = typeof value === "bigint" ? String(value) : typeof value === "number" && Number.isSafeInteger(value) ? String(value) : typeof value === "string" && /^-?\d+$/.test(value) ? value : undefined;
          if (text === undefined) fail(type, value, "a whole number");
          const [min, max] = INTEGER_RANGES[type.name]!;
          if (BigInt(text) < min || BigInt(text) > max) throw new Invalid(path, `${text} is outside ${type.name} (${min} to ${max})`);
          return String(BigInt(text));
        }
        case "float":
        case "double":
          if (typeof value === "number") return value;
          if (value === "NaN" || value === "Infinity" || value === "-Infinity") return Number(value);
          return fail(type, value, "a number, or \"NaN\", \"Infinity\"");
        case "string":
          if (typeof value !== "string") fail(type, value, "a string");
          return value;
        case "date":
          if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !validDate(value)) fail(type, value, "a date as \"yyyy-MM-dd\"");
          return value;
        case "timestamp": {
          const match = typeof value === "string" ? /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?Z?$/.exec(value) : null;
          if (!match || !validDate(match[1]!)) return fail(type, value, "\"yyyy-MM-dd HH:mm:ss.SSS\", in UTC");
          if ((match[3] ?? "").length > 3) throw new Invalid(path, `${JSON.stringify(value)} has more than milliseconds; Athena reads Hive timestamps with millisecond precision`);
          const time = match[2]!.length === 5 ? `${match[2]}:00` : match[2]!;
          return `${match[1]} ${time}.${(match[3] ?? "").padEnd(3, "0")}`;
        }
        case "binary":
          if (typeof value !== "string" || !/^([0-9a-fA-F]{2})*$/.test(value)) fail(type, value, "bytes as hexadecimal, e.g. \"cafe01\"");
          return value.toLowerCase();
      }
      break;
    case "decimal": {
      const text = typeof value === "number" && Number.isFinite(value) ? String(value) : typeof value === "string" ? value : undefined;
      const match = text === undefined ? null : /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
      if (!match) return fail(type, value, "a number or a string of digits, e.g. \"12.50\"");
      const whole = match[2]!.replace(/^0+(?=\d)/, "");
      const fraction = match[3] ?? "";
      if (fraction.length > type.scale) throw new Invalid(path, `${text} has ${fraction.length} decimals; ${formatHiveType(type)} holds ${type.scale}`);
      if (whole.length > type.precision - type.scale) throw new Invalid(path, `${text} has ${whole.length} digits before the point; ${formatHiveType(type)} holds ${type.precision - type.scale}`);
      return `${match[1]}${whole}${type.scale > 0 ? `.${fraction.padEnd(type.scale, "0")}` : ""}`;
    }
    case "varchar":
    case "char":
      if (typeof value !== "string") fail(type, value, "a string");
      if (value.length > type.length) throw new Invalid(path, `${JSON.stringify(value)} is ${value.length} characters; ${type.kind}(${type.length}) holds ${type.length}`);
      return type.kind === "char" ? value.padEnd(type.length, " ") : value;
    case "array":
      if (!Array.isArray(value)) fail(type, value, "a list");
      return value.map((item, i) => convert(type.element, item, [...path, i]));
    case "map": {
      if (typeof value !== "object" || Array.isArray(value)) fail(type, value, "an object of keys and values");
      const out: Record<string, TypedValue> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const typedKey = convert(type.key, type.key.kind === "primitive" && ["string", "date", "timestamp", "binary"].includes(type.key.name) ? key : keyFromText(key), [...path, key]);
        out[typeof typedKey === "string" ? typedKey : JSON.stringify(typedKey)] = convert(type.value, item, [...path, key]);
      }
      return out;
    }
    case "struct": {
      if (typeof value !== "object" || Array.isArray(value)) fail(type, value, "an object of its fields");
      const record = value as Record<string, unknown>;
      const names = type.fields.map((f) => f.name);
      for (const key of Object.keys(record)) {
        if (!names.includes(key)) throw new Invalid([...path, key], `unknown field "${key}"${didYouMean(key, names)} (fields: ${names.join(", ")})`);
      }
      return Object.fromEntries(type.fields.map((f) => [f.name, convert(f.type, record[f.name] ?? null, [...path, f.name])]));
    }
  }
  throw new Invalid(path, `unsupported type ${formatHiveType(type)}`);
}

/** Object keys are text: numbers and booleans as keys of maps are written as they print. */
function keyFromText(key: string): unknown {
  if (key === "true" || key === "false") return key === "true";
  return /^-?\d+(\.\d+)?$/.test(key) ? key : key;
}

/** The canonical value, or where below the column it is wrong and why. */
export function typedValue(type: HiveType, value: unknown): { value: TypedValue } | { problem: ValueProblem } {
  try {
    return { value: convert(type, value, []) };
  } catch (error) {
    if (error instanceof Invalid) return { problem: { path: error.path, message: error.message } };
    throw error;
  }
}
