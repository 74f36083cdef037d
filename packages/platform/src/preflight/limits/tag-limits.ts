import { DEFAULTS } from "../../declarations/defaults.ts";
import type { OrganisationDeclaration } from "../../declarations/organisation.ts";
import type { Domain } from "../../loading/project.ts";
import type { Problem } from "../../problems/problem.ts";
import { awsLimit, limitMessages } from "./aws-limits.ts";

/**
 * LF-tags: each value within Lake Formation's length (keys, and the values' alphabet, the declarations restrict
 * further), and each key's values within the number one LF-tag may have, Baikal's `domain` key included, which has a
 * value per domain.
 */
export function tagLimits(org: OrganisationDeclaration, domains: readonly Domain[], configFile: string): Problem[] {
  const problems: Problem[] = [];
  const maxLength = awsLimit("lakeformation-tag-value").max!;
  const maxValues = awsLimit("lakeformation-tag-values").max!;
  for (const [name, values] of Object.entries(org.governance?.tags ?? {})) {
    values.forEach((v, i) => {
      if (v.length > maxLength) problems.push({ source: configFile, path: ["governance", "tags", name, i], message: limitMessages.tooLong("lakeformation-tag-value", v.length) });
    });
    if (values.length > maxValues) problems.push({ source: configFile, path: ["governance", "tags", name], message: limitMessages.tooMany("lakeformation-tag-values", values.length, "split the key") });
  }
  if (domains.length > maxValues) {
    const first = domains[maxValues]!;
    problems.push({
      source: first.sourceFile,
      path: ["name"],
      message: limitMessages.tooMany("lakeformation-tag-values", domains.length, `the LF-tag "${DEFAULTS.domainTagKey}" has one value per domain; ask AWS to raise the quota before adding more domains`),
    });
  }
  return problems;
}
