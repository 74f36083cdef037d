import type { EnvironmentGovernance } from "../grants/grant-model.ts";
import type { GlueCatalogDatabase, GlueCatalogTable } from "../iac/aws.ts";
import type { Construct, TerraformResource } from "../iac/cdktf.ts";
import { DataCellsFilter } from "./data-cells-filter.ts";
import { addGrantChain, type LakeFormationGrant } from "./lake-formation-grant.ts";
import { ResourceLfTag } from "./resource-lf-tag.ts";

export interface DomainGovernanceProps {
  /** The environment's compiled governance; only what belongs to this stack is used. */
  readonly governance: EnvironmentGovernance;
  readonly stackName: string;
  readonly catalogId: string;
  readonly database: GlueCatalogDatabase;
  /** The stack's tables and views by name. */
  readonly relations: ReadonlyMap<string, GlueCatalogTable>;
  /** More resources the first grant waits for, such as the roles of the domain's exports. @default [] */
  readonly after?: readonly TerraformResource[];
}

/**
 * Adds a domain stack's governance straight into its scope, so addresses read `aws_lakeformation_permissions.
 * grant_<principal>_<resource>`: LF-tags on the database, tables and columns, the tables' row filters, and the
 * grants on this domain's resources (its own, and those other domains' views need on its published tables).
 */
export function addDomainGovernance(scope: Construct, props: DomainGovernanceProps): LakeFormationGrant[] {
  const { governance, stackName } = props;
  const created: TerraformResource[] = [props.database, ...props.relations.values(), ...(props.after ?? [])];
  const relation = (name: string | undefined) => (name === undefined ? props.database : props.relations.get(name)!);
  for (const tag of governance.tags.filter((t) => t.stack === stackName)) {
    created.push(new ResourceLfTag(scope, tag.id, { tag, target: relation(tag.table) }).resource);
  }
  for (const filter of governance.filters.filter((f) => f.stack === stackName)) {
    created.push(new DataCellsFilter(scope, filter.id, { filter, table: relation(filter.table) }).resource);
  }
  return addGrantChain(
    scope,
    governance.permissions.filter((p) => p.stack === stackName),
    props.catalogId,
    created,
  );
}

