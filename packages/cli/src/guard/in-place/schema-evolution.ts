/**
 * Which schema changes leave files already written readable, as Athena's documentation states them:
 * - "Handle schema updates", the table of supported updates by data format:
 *   https://docs.aws.amazon.com/athena/latest/ug/handling-schema-updates-chapter.html
 *   CSV/TSV, and Parquet or ORC read by index: rename Y, add in the middle N, add at the end Y, remove N, reorder N.
 *   JSON, Avro, and Parquet or ORC read by name: rename N, add in the middle Y, add at the end Y, remove Y, reorder Y.
 *   Parquet reads by name by default (`parquet.column.index.access`), ORC by index (`orc.column.index.access`).
 * - "Change a column data type": https://docs.aws.amazon.com/athena/latest/ug/updates-changing-column-type.html
 *   only the pairs in COMPATIBLE_TYPES can be read as one another, and "for data in Parquet and ORC, you cannot use
 *   a different data type for a column if the table is not partitioned"; partitioned tables work because each
 *   catalog partition keeps the schema it was written with and Athena casts from it. A partition-projected table
 *   (every Baikal table) has no catalog partitions, so for Parquet and ORC it is the unpartitioned case.
 * The documentation is prose, not data, so this is a small reviewed table; re-read the pages above when Athena's
 * engine changes.
 */
export interface ColumnAccess {
  /** The format's name, for messages. */
  readonly format: string;
  readonly by: "name" | "index";
  /** Parquet and ORC keep each column's type in the file. */
  readonly columnar: boolean;
}

const flag = (parameters: Readonly<Record<string, unknown>>, key: string) => String(parameters[key] ?? "").toLowerCase();

/** How Athena reads a table's files, from its SerDe and input format; undefined for a format this does not know. */
export function columnAccess(serde: unknown, inputFormat: unknown, serdeParameters: Readonly<Record<string, unknown>>): ColumnAccess | undefined {
  const text = `${typeof serde === "string" ? serde : ""} ${typeof inputFormat === "string" ? inputFormat : ""}`.toLowerCase();
  if (text.includes("parquet")) {
    return { format: "Parquet", by: flag(serdeParameters, "parquet.column.index.access") === "true" ? "index" : "name", columnar: true };
  }
  if (text.includes("orc")) return { format: "ORC", by: flag(serdeParameters, "orc.column.index.access") === "false" ? "name" : "index", columnar: true };
  if (text.includes("jsonserde")) return { format: "JSON", by: "name", columnar: false };
  if (text.includes("avro")) return { format: "Avro", by: "name", columnar: false };
  if (text.includes("opencsvserde") || text.includes("lazysimpleserde")) return { format: "CSV", by: "index", columnar: false };
  return undefined;
}

/** "Change a column data type": what Athena can read data of the first type as. */
export const COMPATIBLE_TYPES: Readonly<Record<string, readonly string[]>> = {
  string: ["tinyint", "smallint", "int", "bigint"],
  tinyint: ["smallint", "int", "bigint"],
  smallint: ["int", "bigint"],
  int: ["bigint"],
  float: ["double"],
};

export const canReadAs = (from: string, to: string): boolean => from === to || (COMPATIBLE_TYPES[from.toLowerCase()] ?? []).includes(to.toLowerCase());
