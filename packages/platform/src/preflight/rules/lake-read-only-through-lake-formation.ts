import { bucketArn } from "../../naming/names.ts";
import { policiesOf, type Statement, statementPlace } from "../stack/policies.ts";
import type { Rule, RuleViolation } from "./rule.ts";

/** Object reads, as an action pattern could grant them. */
const READS = ["s3:GetObject", "s3:GetObjectVersion"];
const WRITES = ["s3:PutObject"];
const covers = (pattern: string, name: string) => new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+^${}()|[\]\\?]/g, "\\$&")).join(".*")}$`, "i").test(name);
const grants = (s: Statement, actions: readonly string[]) => s.effect === "Allow" && s.actions.some((a) => actions.some((x) => covers(a, x)));

export const lakeReadOnlyThroughLakeFormation: Rule = {
  id: "lake-read-through-lake-formation",
  summary: "No IAM policy reads objects of the raw or curated bucket, except where the same role writes them and the role Lake Formation reads registered locations with",
  explanation:
    "Raw and curated are registered with Lake Formation: Athena reads them with credentials Lake Formation vends for the principal's grants. An IAM s3:GetObject there is a path around every Lake Formation permission, column and row filter. A writer (a transform's target, an export's prefix, the query log) reads back what it writes.",
  documentation: "https://docs.aws.amazon.com/lake-formation/latest/dg/access-control-underlying-data.html",
  equivalents: [],
  severity: "error",
  check(stack, { organisation }) {
    if (!organisation.environments[stack.environment]) return [];
    const lake = (["raw", "curated"] as const).map((zone) => bucketArn(organisation, stack.environment, zone));
    const violations: RuleViolation[] = [];
    const policies = policiesOf(stack);
    // The role Lake Formation assumes for registered locations is Lake Formation itself.
    const lakeFormationRoles = new Set(
      policies.filter((p) => p.kind === "trust" && p.statements.some((s) => s.principals.some((pr) => pr.identifiers.includes("lakeformation.amazonaws.com")))).map((p) => p.roleName),
    );
    for (const policy of policies.filter((p) => p.kind === "identity" && !lakeFormationRoles.has(p.roleName))) {
      const written = policy.statements.filter((s) => grants(s, WRITES)).flatMap((s) => s.resources);
      policy.statements.forEach((s, i) => {
        if (!grants(s, READS)) return;
        for (const resource of s.resources) {
          const inLake = resource === "*" || lake.some((b) => covers(resource, `${b}/x`) || resource.startsWith(`${b}/`));
          if (inLake && !written.includes(resource)) {
            violations.push({ where: statementPlace(policy, i, s), message: `the role ${policy.roleName ?? "?"} reads ${resource} with IAM, around Lake Formation` });
          }
        }
      });
    }
    return violations;
  },
};
