/**
 * @baikal/engine: runs Athena (Trino) views and transforms offline, for unit tests and previews. DuckDB runs
 * in-process; @polyglot-sql/sdk translates Trino to DuckDB; a compatibility layer makes the results Trino's, and
 * whatever it cannot emulate faithfully is refused, never run differently.
 */
export { type EngineOptions, OfflineEngine, type Relation, type RunRequest, type RunResult } from "./run/offline-engine.ts";
export { type Column, type ColumnType, duckdbType, trinoTypeOfDuckdb } from "./run/column-type.ts";
export { type CanonicalValue, type Row, keyText } from "./run/values.ts";
export { translateTrino, loadTranslator, type Translation } from "./translate/translate.ts";
export { REFUSED, type Refusal } from "./translate/refusals.ts";
export { TRINO_FUNCTIONS } from "./translate/trino-functions.ts";
export { sqlMutants, type Mutant } from "./translate/mutations.ts";
