import { type Catalog, type CatalogRelation, createCatalog } from "@baikal/sql/types";
import { trinoTypeOf } from "../declarations/hive-type.ts";
import type { Domain } from "../loading/project.ts";


/**
 * Everything SQL can name: every domain's tables (data columns, then partition keys) and views. `unavailable`
 * names the databases of domains whose declarations are broken: names in them are left unresolved, not reported.
 */
export function buildViewCatalog(domains: readonly Domain[], unavailable: readonly string[] = []): Catalog {
  const relations: CatalogRelation[] = [];
  for (const domain of domains) {
    for (const table of domain.tables ?? []) {
      relations.push({
        database: domain.name,
        name: table.name,
        kind: "table",
        columns: [
          ...table.columns.map((c) => ({ name: c.name, type: trinoTypeOf(c.type) })),
          ...(table.partitionKeys ?? []).map((k) => ({ name: k.name, type: trinoTypeOf(k.type ?? "string") })),
        ],
      });
    }
    for (const view of domain.views ?? []) {
      relations.push({
        database: domain.name,
        name: view.name,
        kind: "view",
        columns: view.columns.map((c) => ({ name: c.name, type: trinoTypeOf(c.type) })),
      });
    }
  }
  return createCatalog(relations, unavailable);
}

/** Whether another domain may read this relation: only what its owners published. */
export function isPublished(domains: readonly Domain[], database: string, name: string): boolean {
  const domain = domains.find((d) => d.name === database);
  const relation = domain?.tables?.find((t) => t.name === name) ?? domain?.views?.find((v) => v.name === name);
  return relation?.published === true;
}
