import { parseHiveType } from "../declarations/hive-type.ts";

/** The input column types QuickSight accepts for a relational table. */
export type QuicksightType = "STRING" | "INTEGER" | "DECIMAL" | "DATETIME" | "BIT" | "BOOLEAN" | "JSON";

/** A view column's Hive type as QuickSight reads it from Athena; complex types are read as text. */
export function quicksightTypeOf(hive: string): QuicksightType {
  const parsed = parseHiveType(hive);
  if ("error" in parsed) throw new Error(parsed.error); // unreachable: declarations are validated first
  const type = parsed.type;
  switch (type.kind) {
    case "decimal":
      return "DECIMAL";
    case "varchar":
    case "char":
      return "STRING";
    case "array":
    case "map":
    case "struct":
      return "STRING";
    case "primitive":
      switch (type.name) {
        case "tinyint":
        case "smallint":
        case "int":
        case "bigint":
          return "INTEGER";
        case "float":
        case "double":
          return "DECIMAL";
        case "boolean":
          return "BOOLEAN";
        case "date":
        case "timestamp":
          return "DATETIME";
        case "string":
        case "binary":
          return "STRING";
      }
  }
}
