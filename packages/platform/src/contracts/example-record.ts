import type { TableDeclaration } from "../declarations/table.ts";
import { type HiveType, parseHiveType } from "../declarations/hive-type.ts";
import { badColumnType, notATable } from "./contract-messages.ts";

/** A value of the type that the record contract accepts, e.g. for a domain test that must follow every edit. */
function exampleValue(type: HiveType, name: string): unknown {
  switch (type.kind) {
    case "primitive":
      switch (type.name) {
        case "boolean":
          return true;
        case "tinyint":
        case "smallint":
        case "int":
        case "bigint":
          return 1;
        case "float":
        case "double":
          return 1.5;
        case "string":
          return `${name}-1`;
        case "date":
          return "2024-01-31";
        case "timestamp":
          return "2024-01-31 09:30:00";
        case "binary":
          return "YmFpa2Fs";
      }
      break;
    case "decimal":
      return type.scale > 0 ? `1.${"5".repeat(type.scale)}` : "1";
    case "varchar":
    case "char":
      return "x".repeat(Math.min(type.length, 1));
    case "array":
      return [exampleValue(type.element, name)];
    case "map":
      return { key: exampleValue(type.value, name) };
    case "struct":
      return Object.fromEntries(type.fields.map((f) => [f.name, exampleValue(f.type, f.name)]));
  }
}

/**
 * A record in which every column of the table holds a value of its declared type: what a producer that fills
 * everything would write. `recordSchema(table)` accepts it, whatever the columns are, so a test built on it keeps
 * passing as the table is edited.
 */
export function exampleRecord(table: TableDeclaration): Record<string, unknown> {
  if (typeof table !== "object" || table === null || !Array.isArray(table.columns)) throw new Error(notATable(table).replace("recordSchema", "exampleRecord"));
  return Object.fromEntries(
    table.columns.map((column) => {
      const parsed = parseHiveType(column.type);
      if ("error" in parsed) throw new Error(badColumnType(table.name, column.name, parsed.error).replace("recordSchema", "exampleRecord"));
      return [column.name, exampleValue(parsed.type, column.name)];
    }),
  );
}
