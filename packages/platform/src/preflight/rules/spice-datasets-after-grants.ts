import { resolveString } from "../stack/references.ts";
import { resourcesOf } from "../stack/synthesized-stack.ts";
import { dependsOnClosure } from "./rule-helpers.ts";
import type { Rule, RuleViolation } from "./rule.ts";

export const spiceDatasetsAfterGrants: Rule = {
  id: "quicksight-spice-after-grants",
  summary: "A SPICE dataset is created after every Lake Formation grant of its stack to its readers, and the data source after its role's policy",
  explanation:
    "QuickSight imports a SPICE dataset when it is created, and tries a data source with its service role when it is created: before the Lake Formation grants (or the role's Athena policy) exist, the import or the check fails and the apply with it.",
  documentation: "https://docs.aws.amazon.com/quicksight/latest/user/refreshing-imported-data.html",
  equivalents: [],
  severity: "error",
  check(stack) {
    const violations: RuleViolation[] = [];
    const grants = resourcesOf(stack, "aws_lakeformation_permissions").map(([name, g]) => ({ address: `aws_lakeformation_permissions.${name}`, principal: resolveString(stack, String(g.principal)).value }));
    for (const [name, dataset] of resourcesOf(stack, "aws_quicksight_data_set")) {
      if (dataset.import_mode !== "SPICE") continue;
      const readers = new Set(((dataset.permissions as { principal?: string }[] | undefined) ?? []).map((p) => String(p.principal)));
      const before = dependsOnClosure(stack, `aws_quicksight_data_set.${name}`);
      for (const grant of grants.filter((g) => readers.has(g.principal) && !before.has(g.address))) {
        violations.push({ where: `aws_quicksight_data_set.${name}`, message: `is created before ${grant.address}, which its reader ${grant.principal} needs to import it` });
      }
    }
    for (const [name] of resourcesOf(stack, "aws_quicksight_data_source")) {
      const before = dependsOnClosure(stack, `aws_quicksight_data_source.${name}`);
      const policies = resourcesOf(stack, "aws_iam_role_policy").filter(([, p]) => typeof p.role === "string" && !String(p.role).includes("${") && /quicksight/i.test(String(p.role)));
      for (const [policy] of policies) {
        if (!before.has(`aws_iam_role_policy.${policy}`)) violations.push({ where: `aws_quicksight_data_source.${name}`, message: `is created before aws_iam_role_policy.${policy}, the QuickSight service role's Athena access` });
      }
    }
    return violations;
  },
};
