import { ingestionTables } from "../../ingestion/ingestion-tables.ts";
import type { Domain } from "../../loading/project.ts";

/**
 * Where a table's field is declared: `tables[i]...` for a declared table, or inside the ingestion that makes it
 * (`ingestions[k].tables[j]...`, `ingestions[k].objects[j].fields[f]...`). `rest` names columns and partition keys
 * by name; they become indexes here. Undefined for what no declaration holds (a partition key an ingestion adds).
 */
export function declaredPath(domain: Domain, table: string, rest: readonly string[]): (string | number)[] | undefined {
  const made = new Map<string, (string | number)[]>();
  (domain.ingestions ?? []).forEach((ingestion, k) => {
    ingestionTables(ingestion).forEach((t, j) => made.set(t.name, ["ingestions", k, ingestion.kind === "rds-snapshot-export" ? "tables" : "objects", j]));
  });
  const tables = domain.tables ?? [];
  const declared = tables.findIndex((t) => t.name === table && !made.has(t.name));
  const base = declared >= 0 ? ["tables", declared] : made.get(table);
  if (!base) return undefined;
  const t = tables.find((x) => x.name === table)!;
  if (rest[0] === "columns" && rest[1] !== undefined) {
    const index = t.columns.findIndex((c) => c.name === rest[1]);
    if (declared < 0) return base[2] === "objects" ? [...base, "fields", index, ...rest.slice(2)] : [...base, "columns", index, ...rest.slice(2)];
    return [...base, "columns", index, ...rest.slice(2)];
  }
  if (rest[0] === "partitionKeys" && rest[1] !== undefined) {
    if (declared < 0) return undefined;
    return [...base, "partitionKeys", (t.partitionKeys ?? []).findIndex((k) => k.name === rest[1]), ...rest.slice(2)];
  }
  return [...base, ...rest];
}
