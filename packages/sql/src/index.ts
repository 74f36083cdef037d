/**
 * @baikal/sql: analysis of one Athena (engine v3, Trino) view SELECT against a catalog: syntax,
 * relation and column references, output columns with inferred types, and the catalog columns it reads.
 */
export { createCatalog } from "./catalog.ts";
export type { Catalog, CatalogColumn, CatalogRelation } from "./catalog.ts";
export { analyzeView } from "./analysis/analyze-view.ts";
export type { AnalyzeViewOptions } from "./analysis/analyze-view.ts";
export type { ColumnUse, OutputColumn, PassThrough, RelationReference, SqlProblem, ViewAnalysis } from "./result.ts";
export { formatTrinoType, normalizeTrinoType, parseTrinoType } from "./types/trino-type.ts";
export type { RowField, TrinoType } from "./types/trino-type.ts";
export { UNKNOWN_TYPE, canCoerce, commonSuperType } from "./types/type-coercion.ts";
export { arrayElementType, isIntegerType, mapEntryTypes, rowFields } from "./types/type-shapes.ts";
