import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { bucketName, environment } from "../naming/names.ts";

/**
 * The database Athena resolves unqualified names in and describes before every query: every principal that queries
 * needs glue:GetDatabase on it and Lake Formation DESCRIBE. Baikal never creates it: accounts that have used Athena
 * have it, and a new account creates it once (README, "How the platform team applies").
 */
export const ATHENA_DEFAULT_DATABASE = "default";

/** Workgroups the platform stack owns, one per kind of consumer; each domain team also gets one named after it. */
export const PLATFORM_WORKGROUPS = ["analysts", "redash", "quicksight", "etl"] as const;

/** A domain team's workgroup is named after the domain, so its cost shows up under the team's name. */
export const domainWorkgroupName = (domain: string) => domain;

/** `s3://<query-results bucket>/<workgroup>/`: every workgroup writes results under a prefix of its own. */
export function workgroupResultsLocation(org: OrganisationDeclaration, env: string, workgroup: string): string {
  return `s3://${bucketName(org, env, "query-results")}/${workgroup}/`;
}

export function workgroupArn(org: OrganisationDeclaration, env: string, workgroup: string): string {
  const e = environment(org, env);
  return `arn:aws:athena:${e.region}:${e.accountId}:workgroup/${workgroup}`;
}
