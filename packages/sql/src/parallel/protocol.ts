/** Messages between `analyzeMany` and its worker threads (structured-cloned, so plain data only). */
import type { CatalogRelation } from "../catalog.ts";
import type { ViewAnalysis } from "../result.ts";

/** One view to analyse: its SQL and the database its unqualified names belong to. */
export interface ViewJob {
  readonly sql: string;
  readonly defaultDatabase: string;
}

export interface WorkerInput {
  readonly relations: readonly CatalogRelation[];
  readonly unavailable: readonly string[];
}

export interface BatchRequest {
  readonly jobs: readonly ViewJob[];
}

/** `ready` once the worker has loaded the grammar; then one reply per batch. */
export interface BatchReply {
  readonly ready?: true;
  readonly analyses?: readonly ViewAnalysis[];
}
