import type { Project } from "../loading/project.ts";
import { domainStackName, platformStackName } from "./names.ts";

export interface StackName {
  readonly name: string;
  readonly environment: string;
  /** `platform` or the domain's name. */
  readonly owner: string;
}

/** Every stack of the organisation in a stable order: per environment, the platform first, then domains. */
export function stackNames(project: Project): StackName[] {
  return Object.keys(project.organisation.environments).flatMap((environment) => [
    { name: platformStackName(environment), environment, owner: "platform" },
    ...project.domains.map((d) => ({ name: domainStackName(d.name, environment), environment, owner: d.name })),
  ]);
}
