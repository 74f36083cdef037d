import type { LfPermission } from "../grants/grant-model.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";
import { LakeformationPermissions, type LakeformationPermissionsConfig } from "../iac/aws.ts";
import { Construct, type TerraformResource, TerraformStack } from "../iac/cdktf.ts";

export interface LakeFormationGrantProps {
  readonly permission: LfPermission;
  /** The account whose Lake Formation makes the grant: the stack's own. */
  readonly catalogId: string;
  /** What must exist, or be granted, first. @default [] */
  readonly dependsOn?: readonly TerraformResource[];
}

/** The resource block of `aws_lakeformation_permissions` for one resource. */
function resourceConfig(permission: LfPermission): Partial<LakeformationPermissionsConfig> {
  const r = permission.resource;
  switch (r.kind) {
    case "database":
      return { database: { catalogId: r.catalogId, name: r.database } };
    case "table":
      return { table: { catalogId: r.catalogId, databaseName: r.database, name: r.table } };
    case "columns":
      return { tableWithColumns: { catalogId: r.catalogId, databaseName: r.database, name: r.table, columnNames: [...r.columns] } };
    case "excluded-columns":
      // Without the wildcard the provider reads the grant back differently on every plan (AWS-NOTES 3.3).
      return { tableWithColumns: { catalogId: r.catalogId, databaseName: r.database, name: r.table, wildcard: true, excludedColumnNames: [...r.excluded] } };
    case "cells":
      return { dataCellsFilter: { tableCatalogId: r.catalogId, databaseName: r.database, tableName: r.table, name: r.filter } };
    case "tags":
      return {
        lfTagPolicy: { catalogId: r.catalogId, resourceType: "TABLE", expression: r.expression.map((c) => ({ key: c.key, values: [...c.values] })) },
      };
  }
}

/** Construct id of the chain at stack level; it synthesizes nothing itself. */
const CHAIN_ID = "lake_formation_grant_chain";

/**
 * The one line of a stack's Lake Formation grants: each grant made through it waits for the one made before it,
 * whoever made it (governance, transforms), because Lake Formation rejects concurrent permission updates
 * (ConcurrentModificationException, AWS-NOTES 3.3). One per stack (`of`); make every grant through `add`.
 */
export class GrantChain extends Construct {
  private last: LakeformationPermissions | undefined;

  static of(scope: Construct): GrantChain {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(CHAIN_ID);
    return existing instanceof GrantChain ? existing : new GrantChain(stack, CHAIN_ID);
  }

  /** Creates the grant after `config.dependsOn` and after the stack's previous grant; the next one waits for it. */
  add(scope: Construct, id: string, config: LakeformationPermissionsConfig): LakeformationPermissions {
    const dependsOn = [...(config.dependsOn ?? []), ...(this.last ? [this.last] : [])];
    this.last = new LakeformationPermissions(scope, id, { ...config, dependsOn: dependsOn.length > 0 ? dependsOn : undefined });
    return this.last;
  }
}

/**
 * One principal's permissions on one resource. Never `ALL`, never to an admin (checked when loading), and one
 * per principal and resource: the compiler has merged every grant that reaches it.
 */
export class LakeFormationGrant extends Construct {
  readonly resource: LakeformationPermissions;

  constructor(scope: Construct, id: string, props: LakeFormationGrantProps) {
    super(scope, id);
    const { permission } = props;
    this.resource = GrantChain.of(this).add(this, MAIN_RESOURCE_ID, {
      catalogId: props.catalogId,
      principal: permission.principal.principal,
      permissions: [...permission.permissions],
      ...(permission.withGrantOption ? { permissionsWithGrantOption: [...permission.permissions] } : {}),
      ...resourceConfig(permission),
      dependsOn: props.dependsOn ? [...props.dependsOn] : [],
    });
  }
}

/**
 * Compiled grants, appended to the stack's `GrantChain`. The order is by construct id, so reordering
 * declarations changes nothing, and the first grant also waits for `after` (the resources granted on).
 */
export function addGrantChain(scope: Construct, permissions: readonly LfPermission[], catalogId: string, after: readonly TerraformResource[]): LakeFormationGrant[] {
  return [...permissions]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((permission, index) => new LakeFormationGrant(scope, permission.id, { permission, catalogId, dependsOn: index === 0 ? after : [] }));
}
