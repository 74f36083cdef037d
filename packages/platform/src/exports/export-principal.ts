import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import type { ResolvedPrincipal } from "../grants/principals.ts";
import { environment } from "../naming/names.ts";
import { exportNames, parseExportPrincipalName } from "./export-names.ts";

/**
 * An export's role as a Lake Formation principal in one environment: the role its domain stack creates, named from
 * config, in the environment's own account. Undefined for a name that is not an export's.
 */
export function resolveExportPrincipal(org: OrganisationDeclaration, name: string, env: string): ResolvedPrincipal | undefined {
  const parsed = parseExportPrincipalName(name);
  if (!parsed) return undefined;
  const { accountId } = environment(org, env);
  return { name, kind: "iam-role", principal: exportNames(org, env, parsed.domain, parsed.exportName).roleArn, accountId, crossAccount: false };
}
