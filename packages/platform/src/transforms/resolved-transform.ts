import type { OutputColumn } from "@baikal/sql/types";
import type { TableDeclaration } from "../declarations/table.ts";
import type { TransformDeclaration } from "../declarations/transform.ts";
import type { CompiledDataTest } from "./data-test-sql.ts";
import type { SqlTemplate } from "./run-parameters.ts";

/** A transform whose SQL has been checked against the catalog and its target, ready to synthesize. */
export interface ResolvedTransform {
  readonly domain: string;
  readonly name: string;
  /** `domain.transform`. */
  readonly id: string;
  readonly declaration: TransformDeclaration;
  readonly target: TableDeclaration;
  /** Repository-relative path of its SQL. */
  readonly sqlFile: string;
  /** The SELECT, with its run parameters. */
  readonly select: SqlTemplate;
  /** Incremental transforms replace the partition of this key (the target's first) for the run date. */
  readonly partitionKey?: string;
  /** Tables and views read (`domain.name`), including other transforms' targets. */
  readonly readsTables: readonly string[];
  /** Base tables read, through views too: what the run's role may read. */
  readonly sources: readonly { readonly database: string; readonly table: TableDeclaration }[];
  /** Transforms whose targets this one reads (`domain.transform`): it runs after each of them. */
  readonly dependsOn: readonly string[];
  /** Transforms that read this one's target: it starts them when it succeeds. */
  readonly dependents: readonly string[];
  readonly tests: readonly CompiledDataTest[];
  /** What the static analysis inferred the SELECT produces (names, Trino types; a type it could not infer is absent). */
  readonly outputColumns: readonly OutputColumn[];
}
