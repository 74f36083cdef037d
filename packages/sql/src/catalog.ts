/** A column as the catalog knows it; `type` is a Trino type string, lower case ("bigint", "row(os varchar)"). */
export interface CatalogColumn {
  readonly name: string;
  readonly type: string;
}

export interface CatalogRelation {
  /** The owning domain's name. */
  readonly database: string;
  readonly name: string;
  readonly kind: "table" | "view";
  /** For tables: data columns followed by partition keys. */
  readonly columns: readonly CatalogColumn[];
}

export interface Catalog {
  lookup(database: string, name: string): CatalogRelation | undefined;
  relations(): Iterable<CatalogRelation>;
  /**
   * Databases whose declarations could not be checked: a name in one is neither known nor unknown, so the
   * analysis leaves it unresolved and says so (`blockedBy`) instead of reporting it.
   */
  unavailable(): readonly string[];
}

/** Glue and Athena fold unquoted names to lower case, so lookups ignore case. */
function key(database: string, name: string): string {
  return `${database.toLowerCase()}.${name.toLowerCase()}`;
}

export function createCatalog(relations: Iterable<CatalogRelation>, unavailable: Iterable<string> = []): Catalog {
  const list = [...relations];
  const byName = new Map<string, CatalogRelation>();
  for (const relation of list) byName.set(key(relation.database, relation.name), relation);
  const missing = [...unavailable].map((d) => d.toLowerCase());
  return {
    lookup: (database, name) => byName.get(key(database, name)),
    relations: () => list,
    unavailable: () => missing,
  };
}
