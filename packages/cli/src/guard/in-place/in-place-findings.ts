import { allowHint, type Finding } from "../finding.ts";
import { kmsKeyRule } from "./kms-key.ts";
import { lakeFormationAdminsRule, lfTagValuesRule } from "./lake-formation.ts";
import { retentionRule } from "./retention.ts";
import type { InPlaceRule, ResourceSides } from "./rule.ts";
import { tableColumnsRule } from "./table-columns.ts";
import { tableStorageRule } from "./table-storage.ts";

/** Every in-place rule, one per file: where data is orphaned or corrupted, or its protection weakened. */
export const IN_PLACE_RULES: readonly InPlaceRule[] = [tableStorageRule, tableColumnsRule, kmsKeyRule, lakeFormationAdminsRule, lfTagValuesRule, retentionRule];

const TYPES = new Set(IN_PLACE_RULES.flatMap((r) => r.types));

export const hasInPlaceRule = (type: string): boolean => TYPES.has(type);

/** The findings of every rule for one resource that keeps its address. */
export function inPlaceFindings(sides: ResourceSides): Finding[] {
  return IN_PLACE_RULES.filter((rule) => rule.types.includes(sides.type))
    .flatMap((rule) => rule.check(sides))
    .map((problem) => ({
      stack: sides.stack,
      address: sides.address,
      kind: "change" as const,
      change: problem.change,
      what: problem.what,
      fix: `${problem.fix}; if it is intended, ${allowHint(sides.stack, sides.address, problem.change)}`,
    }));
}
