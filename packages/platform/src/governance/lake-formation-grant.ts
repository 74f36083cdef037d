import type { LfPermission } from "../grants/grant-model.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";
import { LakeformationPermissions, type LakeformationPermissionsConfig } from "../iac/aws.ts";
import { Construct, type TerraformResource } from "../iac/cdktf.ts";

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

/**
 * One principal's permissions on one resource. Never `ALL`, never to an admin (checked when loading), and one
 * per principal and resource: the compiler has merged every grant that reaches it.
 */
export class LakeFormationGrant extends Construct {
  readonly resource: LakeformationPermissions;

  constructor(scope: Construct, id: string, props: LakeFormationGrantProps) {
    super(scope, id);
    const { permission } = props;
    this.resource = new LakeformationPermissions(this, MAIN_RESOURCE_ID, {
      catalogId: props.catalogId,
      principal: permission.principal.principal,
      permissions: [...permission.permissions],
      ...(permission.withGrantOption ? { permissionsWithGrantOption: [...permission.permissions] } : {}),
      ...resourceConfig(permission),
      dependsOn: props.dependsOn && props.dependsOn.length > 0 ? [...props.dependsOn] : undefined,
    });
  }
}

/**
 * The grants of one stack, each waiting for the one before: Lake Formation rejects concurrent permission
 * updates (ConcurrentModificationException, AWS-NOTES 3.3). The order is by construct id, so reordering
 * declarations changes nothing, and the first grant waits for `after` (the resources granted on).
 */
export function addGrantChain(scope: Construct, permissions: readonly LfPermission[], catalogId: string, after: readonly TerraformResource[]): LakeFormationGrant[] {
  const grants: LakeFormationGrant[] = [];
  for (const permission of [...permissions].sort((a, b) => a.id.localeCompare(b.id))) {
    const previous = grants[grants.length - 1];
    grants.push(new LakeFormationGrant(scope, permission.id, { permission, catalogId, dependsOn: previous ? [previous.resource] : after }));
  }
  return grants;
}
