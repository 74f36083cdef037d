import type { OrganisationDeclaration } from "../declarations/organisation.ts";

/**
 * Names every stack derives the same way from the typed configuration. Stacks share these names instead of
 * Terraform remote state, so each stack plans on its own, offline, in any order.
 */
export type LakeZone = "raw" | "curated";
export type BucketPurpose = LakeZone | "query-results" | "access-logs";

export const platformStackName = (env: string) => `platform-${env}`;
export const domainStackName = (domain: string, env: string) => `domain-${domain}-${env}`;
/** Resource links and local grants in an account that reads another account's data. */
export const consumerStackName = (accountId: string, env: string) => `consumer-${accountId}-${env}`;

/** `<org>-<env>-<purpose>-<account>`: globally unique, and readable in the S3 console. */
export function bucketName(org: OrganisationDeclaration, env: string, purpose: BucketPurpose): string {
  return `${org.name}-${env}-${purpose}-${environment(org, env).accountId}`;
}

export function bucketArn(org: OrganisationDeclaration, env: string, purpose: BucketPurpose): string {
  return `arn:aws:s3:::${bucketName(org, env, purpose)}`;
}

export const lakeKeyAlias = (org: OrganisationDeclaration) => `alias/${org.name}-lake`;
/** The key of the platform's logs, topics, queues, tables and secrets (`PlatformKey`). */
export const platformKeyAlias = (org: Pick<OrganisationDeclaration, "name">) => `alias/${org.name}-platform`;
/** The key of the Glue Data Catalog's metadata (`CatalogEncryption`). */
export const catalogKeyAlias = (org: Pick<OrganisationDeclaration, "name">) => `alias/${org.name}-catalog`;
export const lakeLocationRoleName = (org: OrganisationDeclaration) => `${org.name}-lake-formation-locations`;
/** The role Lake Formation reads registered locations with; the credentials it vends to Athena are its sessions. */
export const lakeLocationRoleArn = (org: OrganisationDeclaration, env: string) =>
  `arn:aws:iam::${environment(org, env).accountId}:role/${lakeLocationRoleName(org)}`;

/**
 * Roles that write the lake (transform runs, RDS exports, the cost monitor's query log) are named
 * `<org>-lake-writer-...`, so the raw and curated buckets' policies can let this one class of roles read objects
 * with a single pattern, whatever the number of domains; each writer's own IAM policy confines it to its prefix.
 */
export const lakeWriterRolePrefix = (org: Pick<OrganisationDeclaration, "name">) => `${org.name}-lake-writer-`;

/** `arn:aws:iam::<account>:role/<org>-lake-writer-*`: every lake writer of the environment (ArnLike). */
export const lakeWriterRoleArnPattern = (org: OrganisationDeclaration, env: string) =>
  `arn:aws:iam::${environment(org, env).accountId}:role/${lakeWriterRolePrefix(org)}*`;

/** `s3://<zone bucket>/<domain>/`: everything a domain stores lives under this prefix. */
export function domainPrefix(org: OrganisationDeclaration, env: string, zone: LakeZone, domain: string): string {
  return `s3://${bucketName(org, env, zone)}/${domain}/`;
}

export function environment(org: OrganisationDeclaration, env: string) {
  const found = org.environments[env];
  if (!found) {
    throw new Error(`unknown environment "${env}"; environments: ${Object.keys(org.environments).join(", ")}`);
  }
  return found;
}

/** The deploy role first, then the other admins, without duplicates. */
export function lakeFormationAdmins(org: OrganisationDeclaration, env: string): string[] {
  const e = environment(org, env);
  return [...new Set([e.deployRoleArn, ...(e.lakeFormationAdmins ?? [])])];
}
