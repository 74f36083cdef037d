/**
 * What a name can refer to at one point of a query: the relations of the query block's FROM, the
 * enclosing blocks (for correlated subqueries), lambda parameters and visible WITH queries.
 */
import type { ColumnUse } from "../result.ts";

export interface ScopeColumn {
  /** Lower case; undefined for an unnamed expression of a subquery. */
  readonly name: string | undefined;
  readonly type: string | undefined;
  /** The catalog column this column passes through unchanged, for `columnsRead`. */
  readonly base?: ColumnUse | undefined;
  /** Hidden columns ("$path") are readable by name but not part of `*`. */
  readonly hidden?: boolean;
  /** The catalog columns whose values this column carries unchanged (for the view's pass-through lineage). */
  readonly passes?: readonly ColumnUse[] | undefined;
}

export interface ScopeRelation {
  /** The name that qualifies its columns: the alias, else the table or WITH query name. */
  readonly alias: string | undefined;
  /** Set for catalog relations (`ads.impressions.dt` may qualify columns when unaliased). */
  readonly table?: { readonly database: string; readonly name: string } | undefined;
  /** How messages name it: `ads.impressions`, `daily` (a WITH query), `subquery t`. */
  readonly label: string;
  /** Undefined when the shape is unknown (unknown table, table function): names in it are not checked. */
  readonly columns: readonly ScopeColumn[] | undefined;
  /** Pattern variables of MATCH_RECOGNIZE (`A.price`): they qualify names but hold no columns of their own. */
  readonly qualifierOnly?: boolean;
}

/** The columns a query produces, as subqueries and WITH queries expose them. */
export interface QueryShape {
  readonly columns: readonly ScopeColumn[];
  /** False when a `*` could not be expanded; the column list is then a lower bound. */
  readonly complete: boolean;
}

export type WithQueries = ReadonlyMap<string, QueryShape>;

export class Scope {
  readonly relations: ScopeRelation[] = [];
  /** Columns of `JOIN ... USING (...)`: one name for both sides, so never ambiguous. */
  readonly using = new Set<string>();
  /** The SELECT's output names: only ORDER BY may use them, other clauses get a hint. */
  selectAliases: ReadonlySet<string> = new Set();
  /** Set on the ORDER BY scope: output columns resolve before FROM columns. */
  outputColumns: ReadonlyMap<string, ScopeColumn> | undefined;
  /** Inside MATCH_RECOGNIZE's MEASURES and DEFINE: its pattern variables (prev(), classifier() are valid). */
  patternVariables: ReadonlySet<string> | undefined;

  constructor(
    readonly parent: Scope | undefined,
    readonly withQueries: WithQueries,
    readonly lambdaParameters?: ReadonlyMap<string, string | undefined>,
  ) {}

  /** The innermost scope of a query block (lambda scopes hold only parameters). */
  get queryScope(): Scope {
    return this.lambdaParameters !== undefined && this.parent !== undefined ? this.parent.queryScope : this;
  }

  lambda(parameters: ReadonlyMap<string, string | undefined>): Scope {
    return new Scope(this, this.withQueries, parameters);
  }
}
