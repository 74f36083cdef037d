import { z } from "zod";
import type { TableDeclaration } from "../declarations/table.ts";
import { type HiveType, parseHiveType } from "../declarations/hive-type.ts";
import { badColumn, badColumnType, notATable } from "./contract-messages.ts";

const INTEGER_BOUNDS: Record<string, [number, number]> = {
  tinyint: [-128, 127],
  smallint: [-32768, 32767],
  int: [-2147483648, 2147483647],
  bigint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?$/;

function valueSchema(type: HiveType): z.ZodType {
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "boolean":
          return z.boolean();
        case "tinyint":
        case "smallint":
        case "int":
        case "bigint": {
          const [min, max] = INTEGER_BOUNDS[type.name]!;
          return z.number().int().min(min).max(max);
        }
        case "float":
        case "double":
          return z.number();
        case "string":
          return z.string();
        case "date":
          return z.string().regex(DATE, "a date as YYYY-MM-DD");
        case "timestamp":
          return z.string().regex(TIMESTAMP, "a timestamp as YYYY-MM-DD HH:MM:SS[.fff]");
        case "binary":
          return z.base64();
      }
      break;
    case "decimal": {
      const integerDigits = type.precision - type.scale;
      const pattern = new RegExp(`^-?\\d{1,${Math.max(integerDigits, 1)}}(\\.\\d{1,${Math.max(type.scale, 1)}})?$`);
      return z.union([z.number(), z.string().regex(pattern, `a decimal(${type.precision},${type.scale})`)]);
    }
    case "varchar":
    case "char":
      return z.string().max(type.length);
    case "array":
      return z.array(nullable(valueSchema(type.element)));
    case "map":
      return z.record(z.string(), nullable(valueSchema(type.value)));
    case "struct":
      return z.strictObject(Object.fromEntries(type.fields.map((f) => [f.name, nullable(valueSchema(f.type)).optional()])));
  }
}

const nullable = (schema: z.ZodType) => schema.nullable();

/**
 * A zod validator of one record of the table, as a producer writes it (partition keys live in the path, not
 * the record). Columns are nullable unless `required`; unknown fields are rejected, so a producer that starts
 * sending a new field has to add it to the contract first.
 */
export function recordSchema(table: TableDeclaration) {
  // Tests and producers pass tables looked up by name: an unknown name must say so, not fail deep inside.
  if (typeof table !== "object" || table === null || typeof table.name !== "string" || !Array.isArray(table.columns)) throw new Error(notATable(table));
  const shape: Record<string, z.ZodType> = {};
  for (const [index, column] of table.columns.entries()) {
    if (typeof column !== "object" || column === null || typeof column.name !== "string" || typeof column.type !== "string") {
      throw new Error(badColumn(table.name, index, column));
    }
    const parsed = parseHiveType(column.type);
    if ("error" in parsed) throw new Error(badColumnType(table.name, column.name, parsed.error));
    const value = valueSchema(parsed.type).describe(column.description);
    shape[column.name] = column.required ? value : value.nullable().optional();
  }
  return z.strictObject(shape).describe(table.description);
}

/** The same contract as JSON Schema (draft 2020-12), for producers in any language. */
export function recordJsonSchema(table: TableDeclaration, id?: string): Record<string, unknown> {
  const schema = z.toJSONSchema(recordSchema(table), { target: "draft-2020-12" }) as Record<string, unknown>;
  return { ...(id ? { $id: id } : {}), title: table.name, ...schema };
}
