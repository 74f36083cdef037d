import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { bucketName, environment, lakeKeyAlias } from "../naming/names.ts";

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

/**
 * The lake key by its alias ARN. The key lives in the platform stack; domain stacks name it from config rather
 * than from Terraform state, and KMS resolves an alias ARN wherever a key id is accepted for encryption.
 */
export function lakeKeyAliasArn(org: OrganisationDeclaration, env: string): string {
  const e = environment(org, env);
  return `arn:aws:kms:${e.region}:${e.accountId}:${lakeKeyAlias(org)}`;
}
