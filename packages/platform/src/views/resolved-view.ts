import type { OutputColumn } from "@baikal/sql";
import type { ViewDeclaration } from "../declarations/view.ts";

/** A base-table column some view reads, directly or through other views. */
export interface ColumnRead {
  readonly database: string;
  readonly table: string;
  readonly column: string;
}

/** A view whose SQL has been checked against every declaration, ready to synthesize. */
export interface ResolvedView {
  readonly domain: string;
  readonly name: string;
  /** `domain.view`, how other SQL names it. */
  readonly id: string;
  readonly declaration: ViewDeclaration;
  /** Repository-relative path of its SQL. */
  readonly sqlFile: string;
  /** The SELECT as Athena stores it. */
  readonly sql: string;
  /** Views this one reads (`domain.view`), which must exist first. */
  readonly dependsOn: readonly string[];
  /** Tables this one reads directly (`domain.table`). */
  readonly readsTables: readonly string[];
  /**
   * Base-table columns read, transitively through other views. Athena runs classic views with the invoker's
   * permissions, so whoever may query the view needs exactly these.
   */
  readonly lineage: readonly ColumnRead[];
  /**
   * The base-table columns of `lineage` that the view's output carries unchanged (a bare `SELECT col`, through
   * views, subqueries and unions). The rest of the lineage is read to compute, filter or join, and a grant of the
   * view still gives it whole: the grant must acknowledge it (grants/view-widening.ts).
   */
  readonly exposes: readonly ColumnRead[];
  /** What the static analysis inferred the SELECT produces (names, Trino types), for a second opinion on types. */
  readonly outputColumns: readonly OutputColumn[];
}
