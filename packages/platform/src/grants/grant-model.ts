import type { ResolvedPrincipal } from "./principals.ts";

/** A tag expression of an `lf_tag_policy`: every key must have one of its values. */
export interface TagCondition {
  readonly key: string;
  readonly values: readonly string[];
}

/** What one `aws_lakeformation_permissions` targets. `catalogId` is the account that owns the data. */
export type LfResource =
  | { readonly kind: "database"; readonly catalogId: string; readonly database: string }
  /** A whole table or view: SELECT and DESCRIBE on every column. */
  | { readonly kind: "table"; readonly catalogId: string; readonly database: string; readonly table: string }
  | { readonly kind: "columns"; readonly catalogId: string; readonly database: string; readonly table: string; readonly columns: readonly string[] }
  | { readonly kind: "excluded-columns"; readonly catalogId: string; readonly database: string; readonly table: string; readonly excluded: readonly string[] }
  | { readonly kind: "cells"; readonly catalogId: string; readonly database: string; readonly table: string; readonly filter: string }
  /** Every table of `database` (its domain) whose columns carry the tags. */
  | { readonly kind: "tags"; readonly catalogId: string; readonly database: string; readonly expression: readonly TagCondition[] };

/** One `aws_lakeformation_permissions`: one principal on one resource, in one stack. */
export interface LfPermission {
  readonly stack: string;
  /** Construct id, derived from the principal's and the resource's names only. */
  readonly id: string;
  readonly principal: ResolvedPrincipal;
  readonly permissions: readonly string[];
  /** Lets a consumer account's admins pass the grant on to their own principals. */
  readonly withGrantOption: boolean;
  readonly resource: LfResource;
  /**
   * For the access report: what reaches the resource besides a grant of it ("view <database.view>" for a view
   * grant's lineage, "dataset <name>"), and whether a grant names it too. @default [] and true
   */
  readonly via?: readonly string[];
  readonly direct?: boolean;
}

/** One `aws_lakeformation_resource_lf_tag`: a key and value on a database, a table or one column. */
export interface ResourceTag {
  readonly stack: string;
  readonly id: string;
  readonly catalogId: string;
  readonly database: string;
  readonly table?: string;
  readonly column?: string;
  readonly key: string;
  readonly value: string;
}

/** One `aws_lakeformation_data_cells_filter`. */
export interface CellsFilter {
  readonly stack: string;
  readonly id: string;
  readonly catalogId: string;
  readonly database: string;
  readonly table: string;
  readonly name: string;
  readonly expression: string;
  /** Only these columns; undefined for every column but `excluded`. */
  readonly columns?: readonly string[];
  readonly excluded: readonly string[];
}

/** A resource link in a consumer account to a producer's database. */
export interface ResourceLink {
  readonly stack: string;
  readonly id: string;
  readonly catalogId: string;
  readonly name: string;
  readonly targetCatalogId: string;
  readonly targetDatabase: string;
}

/** A `consumer-<account>-<env>` stack. */
export interface ConsumerAccount {
  readonly stack: string;
  readonly accountId: string;
  readonly environment: string;
}

/** One row of the access report: who reads which columns of what, through which grant. */
export interface AccessEntry {
  readonly environment: string;
  readonly principal: string;
  /** The Lake Formation principal (ARN or account id). */
  readonly principalArn: string;
  readonly crossAccount: boolean;
  /** `database.table`. */
  readonly resource: string;
  readonly kind: "table" | "view";
  /** The columns the principal can read, in the table's order. */
  readonly columns: readonly string[];
  readonly rowFilter?: { readonly name: string; readonly expression: string };
  /**
   * How: `table` or `view` (whole), `columns`, `excluded-columns`, `row-filter`, `tags <expression>`, and what else
   * reaches it: `view <database.view>` (base columns a view grant gives), `dataset <name>`; comma-separated.
   */
  readonly through: string;
  /** Where the grant is in the plans: `<stack>: aws_lakeformation_permissions.<id>`. */
  readonly stack: string;
  readonly address: string;
}

/** Everything governance adds to one environment's stacks. */
export interface EnvironmentGovernance {
  readonly environment: string;
  readonly permissions: readonly LfPermission[];
  readonly tags: readonly ResourceTag[];
  readonly filters: readonly CellsFilter[];
  readonly links: readonly ResourceLink[];
  readonly consumers: readonly ConsumerAccount[];
  readonly access: readonly AccessEntry[];
}

export interface CompiledGrants {
  /** Every LF-tag key and its values, Baikal's `domain` key included: the platform stack creates them. */
  readonly tagKeys: Readonly<Record<string, readonly string[]>>;
  readonly environments: readonly EnvironmentGovernance[];
}
