import { DEFAULTS } from "../declarations/defaults.ts";
import type { OrganisationDeclaration, PrincipalDeclaration } from "../declarations/organisation.ts";
import { environment, lakeFormationAdmins } from "../naming/names.ts";

/** A logical principal as Lake Formation knows it in one environment. */
export interface ResolvedPrincipal {
  /** The logical name in baikal.config.ts. */
  readonly name: string;
  readonly kind: PrincipalDeclaration["kind"];
  /** What `aws_lakeformation_permissions.principal` takes: a role or user ARN, a QuickSight group ARN or an account id. */
  readonly principal: string;
  /** The account the principal lives in. */
  readonly accountId: string;
  /** Whether that is another account than the environment's (the data's) own. */
  readonly crossAccount: boolean;
}

const ARN_ACCOUNT = /^arn:aws:[a-z]+::(\d{12}):/;

/**
 * The Lake Formation principal for a logical name in an environment, or undefined when the registry does not
 * know the name (or has no value for the environment; the organisation's own checks report that).
 */
export function resolvePrincipal(org: OrganisationDeclaration, name: string, env: string): ResolvedPrincipal | undefined {
  const declared = org.principals?.[name];
  if (!declared) return undefined;
  const home = environment(org, env);
  const of = (principal: string, accountId: string): ResolvedPrincipal => ({
    name,
    kind: declared.kind,
    principal,
    accountId,
    crossAccount: accountId !== home.accountId,
  });
  switch (declared.kind) {
    case "iam-role":
    case "iam-user": {
      const kind = declared.kind === "iam-role" ? "role" : "user";
      if (declared.name !== undefined) return of(`arn:aws:iam::${home.accountId}:${kind}/${declared.name}`, home.accountId);
      const arn = declared.arns?.[env];
      return arn === undefined ? undefined : of(arn, ARN_ACCOUNT.exec(arn)![1]!);
    }
    case "quicksight-group": {
      const region = declared.identityRegion ?? home.region;
      const namespace = declared.namespace ?? DEFAULTS.quicksightNamespace;
      return of(`arn:aws:quicksight:${region}:${home.accountId}:group/${namespace}/${declared.group}`, home.accountId);
    }
    case "external-account": {
      const account = declared.accountIds[env];
      return account === undefined ? undefined : of(account, account);
    }
  }
}

/** Whether the principal is one of the environment's Lake Formation admins, who hold every permission implicitly. */
export function isLakeFormationAdmin(org: OrganisationDeclaration, env: string, principal: string): boolean {
  return lakeFormationAdmins(org, env).includes(principal);
}
