import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { resolvePrincipal } from "../grants/principals.ts";
import { environment } from "../naming/names.ts";

/** The Athena data source of an environment; domain stacks name it from config, never from state. */
export function quicksightDataSourceId(env: string): string {
  return `baikal-athena-${env}`;
}

export function quicksightDataSourceArn(org: OrganisationDeclaration, env: string): string {
  const { accountId, region } = environment(org, env);
  return `arn:aws:quicksight:${region}:${accountId}:datasource/${quicksightDataSourceId(env)}`;
}

/** Unique in the account: datasets of every domain share it. */
export function quicksightDataSetId(domain: string, dataset: string, env: string): string {
  return `${domain}-${dataset}-${env}`;
}

/** The QuickSight group that owns every data source and dataset (`bi.quicksight.owners`), as an ARN list; empty when unset. */
export function datasetOwners(org: OrganisationDeclaration, env: string): string[] {
  const owners = org.bi?.quicksight?.owners;
  const resolved = owners === undefined ? undefined : resolvePrincipal(org, owners, env);
  return resolved ? [resolved.principal] : [];
}
