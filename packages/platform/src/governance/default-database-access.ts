import { ATHENA_DEFAULT_DATABASE } from "../athena/workgroup-names.ts";
import type { QueryingPrincipal } from "../grants/querying-principals.ts";
import type { LakeformationPermissions } from "../iac/aws.ts";
import type { Construct, TerraformResource } from "../iac/cdktf.ts";
import { GrantChain } from "./lake-formation-grant.ts";

export { queryingPrincipals, type QueryingPrincipal } from "../grants/querying-principals.ts";

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
