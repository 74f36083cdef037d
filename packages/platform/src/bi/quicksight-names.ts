import type { OrganisationDeclaration } from "../declarations/organisation.ts";
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
