import { ATHENA_DEFAULT_DATABASE } from "../../athena/workgroup-names.ts";
import { queryingPrincipals } from "../../grants/querying-principals.ts";
import { environment } from "../../naming/names.ts";
import { policiesOf } from "../stack/policies.ts";
import { resolveString } from "../stack/references.ts";
import { formatAddress, resourcesOf, type SynthesizedStack } from "../stack/synthesized-stack.ts";
import type { Rule, RuleViolation } from "./rule.ts";

/** Whether an IAM pattern with `*` wildcards (an action or a resource) covers a concrete name. */
const covers = (pattern: string, name: string) => new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+^${}()|[\]\\?]/g, "\\$&")).join(".*")}$`, "i").test(name);

/** The principals this stack grants DESCRIBE on `default` to, as AWS will see them. */
function describedDefault(stack: SynthesizedStack): Set<string> {
  const out = new Set<string>();
  for (const [, grant] of resourcesOf(stack, "aws_lakeformation_permissions")) {
    const database = (Array.isArray(grant.database) ? grant.database[0] : grant.database) as { name?: string } | undefined;
    if (database?.name === ATHENA_DEFAULT_DATABASE && (grant.permissions as string[] | undefined)?.includes("DESCRIBE")) {
      out.add(resolveString(stack, String(grant.principal)).value);
    }
  }
  return out;
}

export const queryingRolesReachDefaultDatabase: Rule = {
  id: "athena-default-database",
  summary: "Every role that runs Athena queries may read the default database: glue:GetDatabase on catalog and database/default, and Lake Formation DESCRIBE on default",
  explanation:
    "Athena looks up the `default` database before every query. Without glue:GetDatabase on `catalog` and `database/default` every query fails with AccessDenied, and with Lake Formation the principal also needs DESCRIBE on `default`. Baikal's roles carry both; principals of baikal.config.ts get the DESCRIBE from the platform stack (and a consumer account's grantees from its consumer stack).",
  documentation: "https://docs.aws.amazon.com/athena/latest/ug/fine-grained-access-to-glue-resources.html",
  equivalents: [],
  severity: "error",
  check(stack, { organisation }) {
    const violations: RuleViolation[] = [];
    const glue = (resource: string) => `arn:aws:glue:${stack.region}:${stack.accountId}:${resource}`;
    const described = describedDefault(stack);
    for (const policy of policiesOf(stack).filter((p) => p.kind === "identity")) {
      const allows = policy.statements.filter((s) => s.effect === "Allow");
      if (!allows.some((s) => s.actions.some((a) => covers(a, "athena:StartQueryExecution")))) continue;
      const reaches = (arn: string) => allows.some((s) => s.actions.some((a) => covers(a, "glue:GetDatabase")) && s.resources.some((r) => r === "*" || covers(r, arn)));
      for (const needed of [glue("catalog"), glue(`database/${ATHENA_DEFAULT_DATABASE}`)]) {
        if (!reaches(needed)) violations.push({ where: formatAddress(policy.address), message: `the role ${policy.roleName ?? "?"} runs Athena queries but may not call glue:GetDatabase on ${needed}` });
      }
      if (policy.role) {
        const roleArn = `arn:aws:iam::${stack.accountId}:role/${policy.roleName}`;
        if (!described.has(roleArn)) violations.push({ where: formatAddress(policy.address), message: `the role ${policy.roleName} runs Athena queries but this stack grants it no Lake Formation DESCRIBE on ${ATHENA_DEFAULT_DATABASE}` });
      }
    }
    if (stack.owner === "platform" && environment(organisation, stack.environment).accountId === stack.accountId) {
      for (const p of queryingPrincipals(organisation, stack.environment)) {
        if (!described.has(p.principal)) violations.push({ where: "aws_lakeformation_permissions", message: `principal ${p.name} (${p.principal}) may query, but the platform stack grants it no DESCRIBE on ${ATHENA_DEFAULT_DATABASE}` });
      }
    }
    return violations;
  },
};
