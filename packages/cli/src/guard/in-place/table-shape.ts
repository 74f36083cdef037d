import { type Body, block, blocks, known } from "./rule.ts";

export interface Column {
  readonly name: string;
  readonly type: string;
}

/** What of an `aws_glue_catalog_table` says where its files are and how they are read. */
export interface TableShape {
  readonly location: unknown;
  /** Partition projection's `storage.location.template`. */
  readonly template: unknown;
  readonly serde: unknown;
  readonly inputFormat: unknown;
  readonly outputFormat: unknown;
  readonly serdeParameters: Readonly<Record<string, unknown>>;
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Undefined when a column is not known before apply. */
  readonly columns: readonly Column[] | undefined;
  readonly partitionKeys: readonly Column[] | undefined;
}

function columnsOf(value: unknown): Column[] | undefined {
  if (!known(value)) return undefined;
  const list = blocks(value).map((c) => ({ name: c.name, type: c.type }));
  return list.every((c) => typeof c.name === "string" && typeof c.type === "string") ? (list as Column[]) : undefined;
}

export function tableShape(table: Body): TableShape {
  const storage = block(table.storage_descriptor) ?? {};
  const serde = block(storage.ser_de_info) ?? {};
  const parameters = (block(table.parameters) ?? {}) as Record<string, unknown>;
  return {
    location: storage.location,
    template: parameters["storage.location.template"],
    serde: serde.serialization_library,
    inputFormat: storage.input_format,
    outputFormat: storage.output_format,
    serdeParameters: (block(serde.parameters) ?? {}) as Record<string, unknown>,
    parameters,
    columns: columnsOf(storage.columns),
    partitionKeys: columnsOf(table.partition_keys ?? []),
  };
}

/** Table parameters that change how the files already written are read (the rest tune writes or projection). */
export const READ_PARAMETERS = ["classification", "skip.header.line.count", "skip.footer.line.count"] as const;

/** Everything that says how a file is read, by name, for one table. */
export const formatOf = (t: TableShape): [string, unknown][] => [
  ["serialization_library", t.serde],
  ["input_format", t.inputFormat],
  ["output_format", t.outputFormat],
  ["ser_de_info.parameters", t.serdeParameters],
  ...READ_PARAMETERS.map((p): [string, unknown] => [p, t.parameters[p]]),
];

export const bucketOf = (location: unknown): string | undefined =>
  typeof location === "string" ? /^s3a?:\/\/([^/]+)/.exec(location)?.[1] : undefined;
