/**
 * The parts of @baikal/sql that need no SQL grammar: the catalog and Trino types. Loading the grammar costs
 * about 0.2 s (its parser tables are built as its module loads), so code that only builds catalogs or
 * compares types imports from here, and loads the analyser (`@baikal/sql`) only to parse.
 */
export { createCatalog } from "./catalog.ts";
export type { Catalog, CatalogColumn, CatalogRelation } from "./catalog.ts";
export type { ColumnUse, OutputColumn, PassThrough, RelationReference, SqlProblem, ViewAnalysis } from "./result.ts";
export { formatTrinoType, normalizeTrinoType, parseTrinoType } from "./types/trino-type.ts";
export type { RowField, TrinoType } from "./types/trino-type.ts";
export { UNKNOWN_TYPE, canCoerce, commonSuperType } from "./types/type-coercion.ts";
export { arrayElementType, isIntegerType, mapEntryTypes, rowFields } from "./types/type-shapes.ts";
