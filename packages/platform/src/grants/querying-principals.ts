import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { environment } from "../naming/names.ts";
import { isLakeFormationAdmin, resolvePrincipal } from "./principals.ts";

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
