import { parseTrinoType, type TrinoType } from "@baikal/sql/types";

const SIMPLE: Readonly<Record<string, string>> = {
  boolean: "boolean",
  tinyint: "tinyint",
  smallint: "smallint",
  integer: "int",
  bigint: "bigint",
  real: "float",
  double: "double",
  date: "date",
  varbinary: "binary",
  json: "string",
};

function hive(type: TrinoType): string | undefined {
  switch (type.kind) {
    case "simple": {
      if (type.name === "varchar") return type.params.length > 0 ? `varchar(${type.params[0]})` : "string";
      if (type.name === "char") return `char(${type.params[0] ?? 1})`;
      if (type.name === "decimal") return `decimal(${type.params[0] ?? 38},${type.params[1] ?? 0})`;
      // Hive has no time zones: such values must be converted (AT TIME ZONE 'UTC') and cast first.
      if (type.name === "timestamp") return type.withTimeZone ? undefined : "timestamp";
      return SIMPLE[type.name];
    }
    case "array": {
      const element = hive(type.element);
      return element && `array<${element}>`;
    }
    case "map": {
      const key = hive(type.key);
      const value = hive(type.value);
      return key && value && `map<${key},${value}>`;
    }
    case "row": {
      const fields = type.fields.map((f) => (f.name ? [f.name, hive(f.type)] : [undefined, undefined]));
      if (fields.some(([name, t]) => !name || !t)) return undefined;
      return `struct<${fields.map(([name, t]) => `${name}:${t}`).join(",")}>`;
    }
  }
}

/**
 * The Hive type to suggest declaring for what a SELECT produces: bounded strings (Trino types `'abc'` as
 * varchar(3)) become `string`, which stores any of them, so a declaration does not break when a literal grows.
 */
export function suggestedHiveType(trinoType: string): string | undefined {
  return hiveTypeOf(trinoType)?.replace(/\bvarchar\(\d+\)/g, "string");
}

/** The Hive type of a Trino type, or undefined when Hive has none. */
export function hiveTypeOf(trinoType: string): string | undefined {
  const parsed = parseTrinoType(trinoType);
  return parsed && hive(parsed);
}
