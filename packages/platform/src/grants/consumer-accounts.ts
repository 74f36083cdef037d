import type { Project } from "../loading/project.ts";
import { resolvePrincipal } from "./principals.ts";

/**
 * The accounts outside the environment that its grants reach, sorted: each gets a `consumer-<account>-<env>`
 * stack. Cheap (no SQL, no merging), so `baikal check` can list stacks without compiling grants.
 */
export function consumerAccounts(project: Pick<Project, "organisation" | "domains">, env: string): string[] {
  const accounts = new Set<string>();
  for (const domain of project.domains) {
    for (const grant of domain.grants ?? []) {
      const principal = resolvePrincipal(project.organisation, grant.to, env);
      if (principal?.crossAccount) accounts.add(principal.accountId);
    }
  }
  return [...accounts].sort();
}
