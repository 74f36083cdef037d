import { DEFAULTS } from "../declarations/defaults.ts";
import type { TableDeclaration } from "../declarations/table.ts";

export interface StorageFormat {
  readonly inputFormat: string;
  readonly outputFormat: string;
  readonly serializationLibrary: string;
  readonly serdeParameters: Readonly<Record<string, string>>;
  readonly tableParameters: Readonly<Record<string, string>>;
}

const TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat";
const TEXT_OUTPUT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";

/** SerDe and input/output formats Athena expects for each declared format (Athena UG, "Supported SerDes"). */
export function storageFormat(table: TableDeclaration): StorageFormat {
  switch (table.format) {
    case "jsonl":
      return {
        inputFormat: TEXT_INPUT,
        outputFormat: TEXT_OUTPUT,
        serializationLibrary: "org.openx.data.jsonserde.JsonSerDe",
        // One bad line must not fail every query over a day of raw events; contracts catch it upstream.
        serdeParameters: { "ignore.malformed.json": "true" },
        tableParameters: { classification: "json" },
      };
    case "parquet":
      return {
        inputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
        outputFormat: "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
        serializationLibrary: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
        serdeParameters: { "serialization.format": "1" },
        tableParameters: { classification: "parquet", "parquet.compression": "SNAPPY" },
      };
    case "csv":
      return {
        inputFormat: TEXT_INPUT,
        outputFormat: TEXT_OUTPUT,
        // OpenCSVSerde understands quoted fields, which every CRM or spreadsheet export contains.
        serializationLibrary: "org.apache.hadoop.hive.serde2.OpenCSVSerde",
        serdeParameters: {
          separatorChar: table.csv?.delimiter ?? DEFAULTS.csvDelimiter,
          quoteChar: '"',
          escapeChar: "\\",
        },
        tableParameters: {
          classification: "csv",
          "skip.header.line.count": String(table.csv?.headerLines ?? DEFAULTS.csvHeaderLines),
        },
      };
  }
}
