/**
 * Column types as the declarations give them (Hive types, the same tree as @baikal/platform's `HiveType`), and
 * their DuckDB and Trino spellings. The engine stores and compares values by these types.
 */
export type ColumnType =
  | { readonly kind: "primitive"; readonly name: "boolean" | "tinyint" | "smallint" | "int" | "bigint" | "float" | "double" | "string" | "date" | "timestamp" | "binary" }
  | { readonly kind: "decimal"; readonly precision: number; readonly scale: number }
  | { readonly kind: "varchar" | "char"; readonly length: number }
  | { readonly kind: "array"; readonly element: ColumnType }
  | { readonly kind: "map"; readonly key: ColumnType; readonly value: ColumnType }
  | { readonly kind: "struct"; readonly fields: readonly { readonly name: string; readonly type: ColumnType }[] };

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
}

const DUCKDB_PRIMITIVES: Readonly<Record<string, string>> = {
  boolean: "BOOLEAN",
  tinyint: "TINYINT",
  smallint: "SMALLINT",
  int: "INTEGER",
  bigint: "BIGINT",
  float: "FLOAT",
  double: "DOUBLE",
  string: "VARCHAR",
  date: "DATE",
  // Athena reads Hive timestamps with millisecond precision; DuckDB keeps microseconds, rounded on output.
  timestamp: "TIMESTAMP",
  binary: "BLOB",
};

const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function duckdbType(type: ColumnType): string {
  switch (type.kind) {
    case "primitive":
      return DUCKDB_PRIMITIVES[type.name]!;
    case "decimal":
      return `DECIMAL(${type.precision},${type.scale})`;
    case "varchar":
    case "char":
      return "VARCHAR";
    case "array":
      return `${duckdbType(type.element)}[]`;
    case "map":
      return `MAP(${duckdbType(type.key)}, ${duckdbType(type.value)})`;
    case "struct":
      return `STRUCT(${type.fields.map((f) => `${quoteName(f.name)} ${duckdbType(f.type)}`).join(", ")})`;
  }
}

/** A DuckDB result type (node-api's JSON form) as the Trino type Athena would report, for comparing types. */
export interface DuckdbTypeJson {
  readonly typeId: number;
  readonly width?: number;
  readonly scale?: number;
  readonly valueType?: DuckdbTypeJson;
  readonly keyType?: DuckdbTypeJson;
  readonly entryNames?: readonly string[];
  readonly entryTypes?: readonly DuckdbTypeJson[];
}

/** node-api's DuckDBTypeId values. */
const TRINO_OF_DUCKDB_ID: Readonly<Record<number, string>> = {
  1: "boolean",
  2: "tinyint",
  3: "smallint",
  4: "integer",
  5: "bigint",
  // UTINYINT..UBIGINT and HUGEINT only come from DuckDB functions; Trino has bigint where they appear.
  6: "smallint",
  7: "integer",
  8: "bigint",
  9: "bigint",
  10: "real",
  11: "double",
  12: "timestamp(3)",
  13: "date",
  15: "interval day to second",
  16: "bigint",
  17: "varchar",
  18: "varbinary",
  20: "timestamp(3)",
  21: "timestamp(3)",
  22: "timestamp(3)",
  27: "uuid",
  31: "timestamp(3) with time zone",
};

export function trinoTypeOfDuckdb(type: DuckdbTypeJson): string {
  switch (type.typeId) {
    case 19:
      return `decimal(${type.width},${type.scale})`;
    case 24:
    case 33:
      return `array(${trinoTypeOfDuckdb(type.valueType!)})`;
    case 26:
      return `map(${trinoTypeOfDuckdb(type.keyType!)}, ${trinoTypeOfDuckdb(type.valueType!)})`;
    case 25:
      return `row(${type.entryNames!.map((name, i) => `${name} ${trinoTypeOfDuckdb(type.entryTypes![i]!)}`).join(", ")})`;
    default:
      return TRINO_OF_DUCKDB_ID[type.typeId] ?? `duckdb type ${type.typeId}`;
  }
}
