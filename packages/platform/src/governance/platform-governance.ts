import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { platformPermissions } from "../grants/compile-grants.ts";
import type { Construct, TerraformResource } from "../iac/cdktf.ts";
import { environment } from "../naming/names.ts";
import type { ResolvedView } from "../views/resolved-view.ts";
import { addGrantChain, type LakeFormationGrant } from "./lake-formation-grant.ts";

export interface PlatformGovernanceProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  /** The platform's own views (the cost report), whose lineage decides the query-log columns granted. */
  readonly views: readonly ResolvedView[];
  /**
   * What the first grant waits for: the Lake Formation settings (which make the deploy role an admin) and every
   * resource granted on (the platform database, the query log, the views).
   */
  readonly after: readonly TerraformResource[];
}

/**
 * Adds the platform stack's grants straight into its scope (`aws_lakeformation_permissions.grant_<principal>_<resource>`):
 * what the cost report's QuickSight readers need, compiled by `platformPermissions` exactly as `baikal access`
 * reports it, each waiting for the one before (Lake Formation rejects concurrent permission updates).
 */
export function addPlatformGovernance(scope: Construct, props: PlatformGovernanceProps): LakeFormationGrant[] {
  const { organisation: org, environment: env } = props;
  return addGrantChain(scope, platformPermissions(org, props.views, env), environment(org, env).accountId, props.after);
}
