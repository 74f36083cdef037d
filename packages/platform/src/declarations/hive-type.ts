import { didYouMean } from "../problems/suggest.ts";

/**
 * Hive column types, as Glue stores them in a table's storage descriptor.
 * One parsed model feeds the Glue columns, the Trino types of view definitions and the record contracts,
 * so the three can never disagree.
 */
export type HiveType =
  | { readonly kind: "primitive"; readonly name: HivePrimitive }
  | { readonly kind: "decimal"; readonly precision: number; readonly scale: number }
  | { readonly kind: "varchar" | "char"; readonly length: number }
  | { readonly kind: "array"; readonly element: HiveType }
  | { readonly kind: "map"; readonly key: HiveType; readonly value: HiveType }
  | { readonly kind: "struct"; readonly fields: readonly { readonly name: string; readonly type: HiveType }[] };

export const HIVE_PRIMITIVES = [
  "boolean",
  "tinyint",
  "smallint",
  "int",
  "bigint",
  "float",
  "double",
  "string",
  "date",
  "timestamp",
  "binary",
] as const;
export type HivePrimitive = (typeof HIVE_PRIMITIVES)[number];

const ALL_TYPE_WORDS = [...HIVE_PRIMITIVES, "decimal", "varchar", "char", "array", "map", "struct"];

/** Common spellings from other systems, with the Hive type to use instead. */
const ALIASES: Readonly<Record<string, string>> = {
  integer: "int",
  long: "bigint",
  real: "float",
  text: "string",
  bool: "boolean",
  datetime: "timestamp",
  varbinary: "binary",
  row: "struct<...>",
  json: "string",
  uuid: "string",
};

export type HiveTypeResult = { readonly type: HiveType } | { readonly error: string };

class ParseFailure extends Error {}

// Thousands of columns share a handful of type strings; parsing each one again dominated validation and
// catalog building in large organisations. Results are frozen, so sharing them is safe.
const parsedTypes = new Map<string, HiveTypeResult>();

/** Parses `array<struct<id:bigint,tags:map<string,string>>>` and friends; case-insensitive, spaces allowed. */
export function parseHiveType(text: string): HiveTypeResult {
  let result = parsedTypes.get(text);
  if (result === undefined) {
    result = deepFreeze(parseUncached(text));
    parsedTypes.set(text, result);
  }
  return result;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function parseUncached(text: string): HiveTypeResult {
  const tokens = text.toLowerCase().match(/[a-z_][a-z0-9_]*|\d+|[<>(),:]|\S/g) ?? [];
  let position = 0;
  const peek = () => tokens[position];
  const next = () => tokens[position++];
  const expect = (token: string) => {
    const found = next();
    if (found !== token) throw new ParseFailure(`expected "${token}" but found ${found ? `"${found}"` : "the end"}`);
  };
  const integer = (what: string, min: number, max: number) => {
    const found = next() ?? "";
    const value = Number(found);
    if (!/^\d+$/.test(found) || value < min || value > max) {
      throw new ParseFailure(`${what} must be a whole number from ${min} to ${max}, got "${found}"`);
    }
    return value;
  };

  const parse = (): HiveType => {
    const word = next();
    if (word === undefined) throw new ParseFailure("the type is empty");
    switch (word) {
      case "decimal": {
        if (peek() !== "(") return { kind: "decimal", precision: 10, scale: 0 };
        expect("(");
        const precision = integer("decimal precision", 1, 38);
        let scale = 0;
        if (peek() === ",") {
          next();
          scale = integer("decimal scale", 0, precision);
        }
        expect(")");
        return { kind: "decimal", precision, scale };
      }
      case "varchar":
      case "char": {
        if (peek() !== "(") {
          throw new ParseFailure(`${word} needs a length, e.g. "${word}(64)"; use "string" for text of any length`);
        }
        expect("(");
        const length = integer(`${word} length`, 1, word === "char" ? 255 : 65535);
        expect(")");
        return { kind: word, length };
      }
      case "array": {
        expect("<");
        const element = parse();
        expect(">");
        return { kind: "array", element };
      }
      case "map": {
        expect("<");
        const key = parse();
        if (key.kind === "array" || key.kind === "map" || key.kind === "struct") {
          throw new ParseFailure("map keys must be a primitive type such as string or bigint");
        }
        expect(",");
        const value = parse();
        expect(">");
        return { kind: "map", key, value };
      }
      case "struct": {
        expect("<");
        const fields: { name: string; type: HiveType }[] = [];
        do {
          if (fields.length > 0) next();
          const name = next() ?? "";
          if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new ParseFailure(`"${name}" is not a valid struct field name`);
          if (fields.some((f) => f.name === name)) throw new ParseFailure(`struct field "${name}" appears twice`);
          expect(":");
          fields.push({ name, type: parse() });
        } while (peek() === ",");
        expect(">");
        return { kind: "struct", fields };
      }
      default:
        if ((HIVE_PRIMITIVES as readonly string[]).includes(word)) {
          return { kind: "primitive", name: word as HivePrimitive };
        }
        throw new ParseFailure(
          `unknown type "${word}"` +
            (ALIASES[word] ? `; Hive calls it "${ALIASES[word]}"` : didYouMean(word, ALL_TYPE_WORDS)) +
            ` (types: ${HIVE_PRIMITIVES.join(", ")}, decimal(p,s), varchar(n), char(n), array<T>, map<K,V>, struct<name:T,...>)`,
        );
    }
  };

  try {
    const type = parse();
    if (position < tokens.length) throw new ParseFailure(`unexpected "${tokens[position]}" after the type`);
    return { type };
  } catch (error) {
    if (error instanceof ParseFailure) return { error: `"${text}" is not a Hive type: ${error.message}` };
    throw error;
  }
}

/** The canonical Hive spelling Glue stores: lower case, no spaces (`map<string,bigint>`). */
export function formatHiveType(type: HiveType): string {
  switch (type.kind) {
    case "primitive":
      return type.name;
    case "decimal":
      return `decimal(${type.precision},${type.scale})`;
    case "varchar":
    case "char":
      return `${type.kind}(${type.length})`;
    case "array":
      return `array<${formatHiveType(type.element)}>`;
    case "map":
      return `map<${formatHiveType(type.key)},${formatHiveType(type.value)}>`;
    case "struct":
      return `struct<${type.fields.map((f) => `${f.name}:${formatHiveType(f.type)}`).join(",")}>`;
  }
}

const TRINO_PRIMITIVES: Readonly<Record<HivePrimitive, string>> = {
  boolean: "boolean",
  tinyint: "tinyint",
  smallint: "smallint",
  int: "integer",
  bigint: "bigint",
  float: "real",
  double: "double",
  string: "varchar",
  date: "date",
  // Athena engine v3 reads Hive timestamps with millisecond precision.
  timestamp: "timestamp(3)",
  binary: "varbinary",
};

/** The Trino type Athena reports for a Hive column (trino-hive `HiveTypeTranslator`). */
export function toTrinoType(type: HiveType): string {
  switch (type.kind) {
    case "primitive":
      return TRINO_PRIMITIVES[type.name];
    case "decimal":
      return `decimal(${type.precision},${type.scale})`;
    case "varchar":
    case "char":
      return `${type.kind}(${type.length})`;
    case "array":
      return `array(${toTrinoType(type.element)})`;
    case "map":
      return `map(${toTrinoType(type.key)}, ${toTrinoType(type.value)})`;
    case "struct":
      return `row(${type.fields.map((f) => `${f.name} ${toTrinoType(f.type)}`).join(", ")})`;
  }
}

function parsedValid(text: string): HiveType {
  const parsed = parseHiveType(text);
  // Declarations are validated before anything synthesizes or analyses them, so this only guards misuse.
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.type;
}

/** The canonical Glue spelling of a validated Hive type string (`MAP<string, int>` -> `map<string,int>`). */
export const canonicalHiveType = (text: string): string => formatHiveType(parsedValid(text));

/** The Trino type Athena reports for a validated Hive type string. */
export const trinoTypeOf = (text: string): string => toTrinoType(parsedValid(text));
