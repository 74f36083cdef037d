/** What `analyzeView` reports. Lines and columns are 1-based positions in the SQL text. */

export interface SqlProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface RelationReference {
  readonly database: string;
  readonly name: string;
  readonly line: number;
  readonly column: number;
}

export interface OutputColumn {
  readonly name: string;
  /** Inferred Trino type; undefined when it cannot be derived. */
  readonly type?: string;
  readonly line: number;
  readonly column: number;
}

/** A base column the query reads (for lineage and column-level grants). */
export interface ColumnUse {
  readonly database: string;
  readonly relation: string;
  readonly column: string;
}

/** An output column that carries a catalog column's values unchanged (a bare reference, `*`, through subqueries). */
export interface PassThrough {
  readonly output: string;
  readonly column: ColumnUse;
}

export interface ViewAnalysis {
  readonly problems: readonly SqlProblem[];
  /** Every catalog relation read (CTE names excluded), de-duplicated, in order of first appearance. */
  readonly references: readonly RelationReference[];
  /** What the SELECT produces, in order. */
  readonly outputColumns: readonly OutputColumn[];
  /** Every catalog column read anywhere in the query (`*` reads every column), de-duplicated. */
  readonly columnsRead: readonly ColumnUse[];
  /**
   * Databases the SQL reads whose declarations could not be checked (Catalog.unavailable): what it reads there
   * was left unresolved, so the output columns are not complete. Absent when there are none.
   */
  readonly blockedBy?: readonly string[];
  /**
   * Which catalog columns each output column carries unchanged, through bare references, `*`, subqueries, WITH
   * queries and set operations. A column read for anything else (aggregated, filtered on, computed with) is not here.
   */
  readonly passThrough: readonly PassThrough[];
}
