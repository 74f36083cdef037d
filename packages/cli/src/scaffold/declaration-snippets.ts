import type { Domain } from "@baikal/platform/project";

export type ScaffoldKind = "table" | "view" | "transform";

/** What `baikal new <kind>` adds: entries for domain.ts's arrays (TypeScript source), and SQL files. */
export interface DeclarationScaffold {
  /** Source text of one array element per domain.ts key, without indentation or trailing comma. */
  readonly entries: readonly { readonly key: "tables" | "views" | "transforms"; readonly text: string }[];
  /** Files by path relative to the domain's folder. */
  readonly files: Readonly<Record<string, string>>;
}

/** `{ name: "a", type: "b" }`: an object on one line, keys unquoted as people write them in domain.ts. */
const inline = (value: Record<string, unknown>) =>
  `{ ${Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(", ")} }`;

type Table = NonNullable<Domain["tables"]>[number];
type PartitionKey = NonNullable<Table["partitionKeys"]>[number];

const year = new Date().getUTCFullYear();

export function tableScaffold(name: string): DeclarationScaffold {
  const text = `{
  name: "${name}",
  description: "One row per ${name.replaceAll("_", " ")} record: say what it holds, who writes it and when.",
  zone: "raw", // raw: as producers send it; curated: outputs of transforms
  format: "jsonl",
  columns: [
    { name: "event_id", type: "string", description: "Unique id of the record.", required: true },
    { name: "occurred_at", type: "timestamp", description: "When it happened, UTC." },
  ],
  partitionKeys: [
    {
      name: "dt",
      description: "Day the record was received.",
      projection: { type: "date", format: "yyyy-MM-dd", range: ["${year}-01-01", "NOW"] },
    },
  ],
}`;
  return { entries: [{ key: "tables", text }], files: {} };
}

/** Counts per partition of the domain's first table (or in all, for a table without partition keys). */
export function viewScaffold(domain: Domain, name: string): DeclarationScaffold | { readonly problem: string } {
  const source = domain.tables?.[0];
  if (!source) return { problem: `domains/${domain.name} has no table for the view to read; add one first: pnpm baikal new table ${domain.name} <name>` };
  const key = source.partitionKeys?.[0];
  const columns = [
    ...(key ? [{ name: key.name, type: key.type ?? "string", description: key.description }] : []),
    { name: "row_count", type: "bigint", description: `Rows of ${source.name}.` },
  ];
  const text = `{
  // Its SQL is views/${name}.sql; the columns must be what the SELECT produces, in order.
  name: "${name}",
  description: "Rows of ${source.name}${key ? ` per ${key.name}` : ""}: say what the view answers and for whom.",
  columns: [
${columns.map((c) => `    ${inline(c)},`).join("\n")}
  ],
}`;
  const sql = key
    ? `SELECT ${key.name}, count(*) AS row_count\nFROM ${source.name}\nGROUP BY ${key.name}\n`
    : `SELECT count(*) AS row_count\nFROM ${source.name}\n`;
  return { entries: [{ key: "views", text }], files: { [`views/${name}.sql`]: sql } };
}

const isDaily = (key: PartitionKey | undefined) => key?.projection.type === "date" && key.projection.format === "yyyy-MM-dd";

/**
 * A curated Parquet table named like the transform, with the columns and the daily partition key of the domain's
 * first table partitioned by day, and the transform that copies that table's run date into it, tested for rows.
 */
export function transformScaffold(domain: Domain, name: string): DeclarationScaffold | { readonly problem: string } {
  const source = (domain.tables ?? []).find((t) => isDaily(t.partitionKeys?.[0]));
  if (!source) {
    return {
      problem: `no table of domains/${domain.name} has a first partition key with a daily date projection (format "yyyy-MM-dd") for an incremental transform to read by run date; add one first: pnpm baikal new table ${domain.name} <name>`,
    };
  }
  const key = source.partitionKeys![0]!;
  const keyText = `{
      name: "${key.name}",
      description: ${JSON.stringify(key.description)},
      projection: ${inline(key.projection as unknown as Record<string, unknown>)},
    }`;
  const table = `{
  name: "${name}",
  description: "Built daily from ${source.name} by the ${name} transform: say what it adds.",
  zone: "curated",
  format: "parquet",
  columns: [
${source.columns.map((c) => `    ${inline({ name: c.name, type: c.type, description: c.description })},`).join("\n")}
  ],
  partitionKeys: [
    ${keyText},
  ],
}`;
  const transform = `{
  // Its SQL is transforms/${name}.sql: the target's columns, then its partition keys, in order.
  name: "${name}",
  description: "Copies each day of ${source.name} into ${name}: say what it cleans, joins or computes.",
  target: "${name}",
  mode: "incremental", // replaces the run date's partition; or "full_refresh": the whole table
  schedule: { expression: "cron(0 4 * * ? *)", timezone: "UTC" }, // lagDays: 1 (default) = yesterday
  tests: [{ type: "row_count", min: 1 }],
}`;
  const sql = `SELECT ${[...source.columns.map((c) => c.name), key.name].join(", ")}\nFROM ${source.name}\nWHERE ${key.name} = {{ run_date }}\n`;
  return {
    entries: [
      { key: "tables", text: table },
      { key: "transforms", text: transform },
    ],
    files: { [`transforms/${name}.sql`]: sql },
  };
}
