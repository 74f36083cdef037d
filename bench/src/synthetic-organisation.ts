import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { realisticView } from "./realistic-views.ts";

const DECLARE = resolve(dirname(fileURLToPath(import.meta.url)), "../../packages/platform/src/declare.ts");

export interface OrganisationSize {
  readonly domains: number;
  readonly tablesPerDomain: number;
  readonly viewsPerDomain: number;
  /** short: one join and an aggregate (about 200 bytes); realistic: 2-7 KB with CTEs and CASE ladders. @default "short" */
  readonly viewShape?: "short" | "realistic";
}

export interface SyntheticOrganisation {
  readonly root: string;
  readonly size: OrganisationSize;
  readonly views: number;
  /** Mean size of a view's SQL, in bytes. */
  readonly meanViewBytes: number;
  /** A view file whose edit is the "one-view pull request" of the benchmark. */
  readonly changedView: string;
  readonly changedDomain: string;
}

const pad = (n: number) => String(n).padStart(3, "0");
const domainName = (i: number) => `d${pad(i)}`;

const TABLE_COLUMNS = [
  ["id", "bigint"],
  ["user_id", "bigint"],
  ["amount", "double"],
  ["category", "string"],
  ["created_at", "timestamp"],
  ["flag", "boolean"],
  ["note", "string"],
  ["qty", "int"],
] as const;

function table(t: number) {
  return {
    name: `t${pad(t)}`,
    description: `Synthetic table ${t}.`,
    zone: t % 2 === 0 ? "raw" : "curated",
    format: t % 2 === 0 ? "jsonl" : "parquet",
    published: t === 0,
    columns: TABLE_COLUMNS.map(([name, type]) => ({ name, type, description: `${name}.` })),
    partitionKeys: [{ name: "dt", description: "Day.", projection: { type: "date", format: "yyyy-MM-dd", range: ["2024-01-01", "NOW"] } }],
  };
}

const col = (name: string, type: string) => ({ name, type, description: `${name}.` });

/** A realistic mix: an aggregate, joins between tables, and a view reading the previous domain's published view. */
function views(domain: number, size: OrganisationSize): { declaration: object; sql: string }[] {
  const out: { declaration: object; sql: string }[] = [];
  out.push({
    declaration: { name: "v000", description: "Daily totals.", published: true, columns: [col("dt", "string"), col("category", "string"), col("row_count", "bigint"), col("amount", "double")] },
    sql: "SELECT dt, category, count(*) AS row_count, sum(amount) AS amount\nFROM t000\nGROUP BY dt, category\n",
  });
  const upstream = domain === 0 ? domainName(0) : domainName(domain - 1);
  out.push({
    declaration: { name: "v001", description: "Upstream totals.", columns: [col("dt", "string"), col("row_count", "bigint")] },
    sql: `SELECT dt, sum(row_count) AS row_count\nFROM ${upstream}.v000\nGROUP BY dt\n`,
  });
  for (let v = 2; v < size.viewsPerDomain; v++) {
    const a = v % size.tablesPerDomain;
    const b = (v + 1) % size.tablesPerDomain;
    if (size.viewShape === "realistic") {
      // Ladders of 8 to 45 branches: views of about 2 to 7 KB, spread evenly.
      out.push(realisticView(`v${pad(v)}`, `t${pad(a)}`, `t${pad(b)}`, upstream, 8 + ((v * 13) % 38)));
      continue;
    }
    out.push({
      declaration: {
        name: `v${pad(v)}`,
        description: `Join ${v}.`,
        columns: [col("dt", "string"), col("user_id", "bigint"), col("row_count", "bigint"), col("max_amount", "double")],
      },
      sql:
        `SELECT a.dt, a.user_id, count(*) AS row_count, max(b.amount) AS max_amount\n` +
        `FROM t${pad(a)} AS a\nJOIN t${pad(b)} AS b ON a.id = b.id AND a.dt = b.dt\n` +
        `WHERE a.flag AND b.qty > ${v}\nGROUP BY a.dt, a.user_id\n`,
    });
  }
  return out;
}

/** Writes an organisation of the given size into a fresh temporary folder. */
export function writeSyntheticOrganisation(size: OrganisationSize): SyntheticOrganisation {
  const root = mkdtempSync(join(tmpdir(), `baikal-bench-${size.domains}-`));
  writeFileSync(join(root, "package.json"), '{ "type": "module", "private": true }\n');
  writeFileSync(join(root, ".gitignore"), "node_modules/\ncdktf.out/\n"); // Baikal's caches live in node_modules/.cache
  writeFileSync(
    join(root, "baikal.config.ts"),
    `import { defineOrganisation } from ${JSON.stringify(DECLARE)};\nexport default defineOrganisation(${JSON.stringify({
      name: "bench",
      environments: {
        staging: { accountId: "111111111111", region: "eu-west-1", deployRoleArn: "arn:aws:iam::111111111111:role/deploy", state: { bucket: "bench-staging-state" } },
        production: { accountId: "222222222222", region: "eu-west-1", deployRoleArn: "arn:aws:iam::222222222222:role/deploy", state: { bucket: "bench-production-state" } },
      },
    })});\n`,
  );
  let count = 0;
  let bytes = 0;
  for (let d = 0; d < size.domains; d++) {
    const name = domainName(d);
    const dir = join(root, "domains", name);
    mkdirSync(join(dir, "views"), { recursive: true });
    const domainViews = views(d, size);
    count += domainViews.length;
    bytes += domainViews.reduce((n, v) => n + Buffer.byteLength(v.sql), 0);
    for (const v of domainViews) writeFileSync(join(dir, "views", `${(v.declaration as { name: string }).name}.sql`), v.sql);
    const declaration = {
      name,
      description: `Synthetic domain ${d}.`,
      owners: [`@bench/team-${name}`],
      tables: Array.from({ length: size.tablesPerDomain }, (_, t) => table(t)),
      views: domainViews.map((v) => v.declaration),
    };
    writeFileSync(join(dir, "domain.ts"), `import { defineDomain } from ${JSON.stringify(DECLARE)};\nexport default defineDomain(${JSON.stringify(declaration, null, 1)});\n`);
  }
  const changedDomain = domainName(Math.floor(size.domains / 2));
  return { root, size, views: count, meanViewBytes: Math.round(bytes / count), changedDomain, changedView: join(root, "domains", changedDomain, "views", "v005.sql") };
}
