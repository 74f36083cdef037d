import { ATHENA_DEFAULT_DATABASE } from "../athena/workgroup-names.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { isLakeFormationAdmin, resolvePrincipal } from "../grants/principals.ts";
import type { LakeformationPermissions } from "../iac/aws.ts";
import type { Construct, TerraformResource } from "../iac/cdktf.ts";
import { environment } from "../naming/names.ts";
import { GrantChain } from "./lake-formation-grant.ts";

/** A principal that may query Athena in an account, by its logical name when it has one. */
export interface QueryingPrincipal {
  /** Part of the construct id: `default_database_<name>`. */
  readonly name: string;
  /** What `aws_lakeformation_permissions.principal` takes. */
  readonly principal: string;
}

/**
 * The principals of `principals` that query in the environment's own account: IAM roles and users, and QuickSight
 * groups (QuickSight queries with its users' Lake Formation permissions). Lake Formation admins are left out:
 * they hold every permission already, and Lake Formation refuses grants to them.
 */
export function queryingPrincipals(org: OrganisationDeclaration, env: string): QueryingPrincipal[] {
  const own = environment(org, env).accountId;
  return Object.keys(org.principals ?? {})
    .sort()
    .map((name) => resolvePrincipal(org, name, env))
    .filter((p) => p !== undefined && p.kind !== "external-account" && p.accountId === own && !isLakeFormationAdmin(org, env, p.principal))
    .map((p) => ({ name: p!.name, principal: p!.principal }));
}

export interface DefaultDatabaseAccessProps {
  readonly principals: readonly QueryingPrincipal[];
  /** The account whose catalog holds `default`. */
  readonly catalogId: string;
  /** What the first grant waits for, such as the Lake Formation settings. @default [] */
  readonly after?: readonly TerraformResource[];
}

/**
 * DESCRIBE on Athena's `default` database for every principal that queries: Athena describes it before every query,
 * and with Lake Formation "the DESCRIBE permission is required on the default database" (Athena User Guide,
 * "Considerations and limitations for querying data registered with Lake Formation"). The grants join the stack's
 * `GrantChain` (`aws_lakeformation_permissions.default_database_<principal>`).
 */
export function addDefaultDatabaseAccess(scope: Construct, props: DefaultDatabaseAccessProps): LakeformationPermissions[] {
  const chain = GrantChain.of(scope);
  return props.principals.map((p, index) =>
    chain.add(scope, `default_database_${p.name}`, {
      catalogId: props.catalogId,
      principal: p.principal,
      permissions: ["DESCRIBE"],
      database: { catalogId: props.catalogId, name: ATHENA_DEFAULT_DATABASE },
      ...(index === 0 && props.after && props.after.length > 0 ? { dependsOn: [...props.after] } : {}),
    }),
  );
}
