import type { Project } from "../loading/project.ts";
import { consumerAccounts } from "../grants/consumer-accounts.ts";
import { consumerStackName, domainStackName, platformStackName } from "./names.ts";

export interface StackName {
  readonly name: string;
  readonly environment: string;
  /** `platform`, the domain's name, or `consumer` (a consumer account's resource links and grants). */
  readonly owner: string;
}

/** Every stack of the organisation in a stable order: per environment, the platform first, then domains, then consumer accounts. */
export function stackNames(project: Project): StackName[] {
  return Object.keys(project.organisation.environments).flatMap((environment) => [
    { name: platformStackName(environment), environment, owner: "platform" },
    ...project.domains.map((d) => ({ name: domainStackName(d.name, environment), environment, owner: d.name })),
    ...consumerAccounts(project, environment).map((account) => ({ name: consumerStackName(account, environment), environment, owner: "consumer" })),
  ]);
}
