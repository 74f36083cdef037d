import { type ColumnType, OfflineEngine, type Relation, type RunResult } from "../src/index.ts";

let started: Promise<OfflineEngine> | undefined;

/** One engine for a test file: starting DuckDB and the translator costs about a second. */
export function engine(): Promise<OfflineEngine> {
  started ??= OfflineEngine.start();
  return started;
}

export const t = {
  bigint: { kind: "primitive", name: "bigint" },
  int: { kind: "primitive", name: "int" },
  double: { kind: "primitive", name: "double" },
  string: { kind: "primitive", name: "string" },
  boolean: { kind: "primitive", name: "boolean" },
  date: { kind: "primitive", name: "date" },
  timestamp: { kind: "primitive", name: "timestamp" },
  decimal: (precision: number, scale: number): ColumnType => ({ kind: "decimal", precision, scale }),
  array: (element: ColumnType): ColumnType => ({ kind: "array", element }),
  map: (key: ColumnType, value: ColumnType): ColumnType => ({ kind: "map", key, value }),
} as const satisfies Record<string, ColumnType | ((...args: never[]) => ColumnType)>;

/** Runs `SELECT <expression> AS x [FROM ...]` and returns x of the first row, or how it failed. */
export async function evaluate(expression: string, type: ColumnType, options: { from?: string; relations?: Relation[]; now?: string } = {}): Promise<unknown> {
  const result = await run(`SELECT ${expression} AS x${options.from ? ` FROM ${options.from}` : ""}`, [{ name: "x", type }], options);
  if (result.kind === "rows") return result.rows[0]?.x;
  return result.kind === "failed" ? { failed: result.message } : { refused: result.refusals.map((r) => r.construct) };
}

export async function run(sql: string, output: { name: string; type: ColumnType }[], options: { relations?: Relation[]; now?: string } = {}): Promise<RunResult> {
  return (await engine()).run({ sql, defaultDatabase: "shop", relations: options.relations ?? [], output, now: options.now });
}
