import { type InPlaceProblem, type InPlaceRule, knownStrings, plural, show } from "./rule.ts";

/**
 * Admins removed from the Lake Formation settings. `PutDataLakeSettings` replaces the whole list, so the deploy
 * role that applies the change (Baikal lists it first: `lakeFormationAdmins` in naming/names.ts, pinned by a
 * platform-stack test) locks itself out when it is not in the new list, and a break-glass admin removed is the
 * way into the lake's data and grants that is gone when everything else fails.
 */
export const lakeFormationAdminsRule: InPlaceRule = {
  id: "lake-formation-admins",
  types: ["aws_lakeformation_data_lake_settings"],
  check({ before, after, reportUnknown }) {
    const old = knownStrings(before.admins);
    const now = knownStrings(after.admins);
    if (!old || old.length === 0) return [];
    if (!now) {
      return reportUnknown
        ? [
            {
              change: "lake-formation-admin",
              what: `the admins become ${show(after.admins)}, which the guard cannot read before apply, so it cannot tell whether ${old.join(", ")} stay admins`,
              fix: "list the admins as ARNs in baikal.config.ts",
            },
          ]
        : [];
    }
    const removed = old.filter((arn) => !now.includes(arn));
    const deployRole = old[0]!;
    const others = removed.filter((arn) => arn !== deployRole);
    const problems: InPlaceProblem[] = [];
    const lists = `the admins change from ${show(old)} to ${show(now)}`;
    if (removed.includes(deployRole)) {
      problems.push({
        change: "deploy-role",
        what:
          `the admins no longer include ${deployRole}, the deploy role that applies this change (${lists}): PutDataLakeSettings replaces the whole list, ` +
          "so Terraform would lock itself out of Lake Formation and every grant after it would fail",
        fix: `keep ${deployRole} among the admins (in lakeFormationAdmins) until CI applies with the new deploy role`,
      });
    }
    if (others.length > 0) {
      problems.push({
        change: "lake-formation-admin",
        what: `${plural(others.length, "Lake Formation admin", "Lake Formation admins")} ${others.join(", ")} ${plural(others.length, "is", "are")} removed (${lists}): the break-glass way into the lake's data and grants is gone`,
        fix: `keep ${others.join(", ")} in the environment's lakeFormationAdmins`,
      });
    }
    return problems;
  },
};

/** Values removed from an LF-tag: Lake Formation drops them from whatever carries them, and grants through them stop applying. */
export const lfTagValuesRule: InPlaceRule = {
  id: "lf-tag-values",
  types: ["aws_lakeformation_lf_tag"],
  check({ before, after }) {
    const old = knownStrings(before.values);
    const now = knownStrings(after.values);
    if (!old || !now) return [];
    const removed = old.filter((value) => !now.includes(value));
    if (removed.length === 0) return [];
    const one = removed.length === 1;
    return [
      {
        change: "lf-tag-values",
        what:
          `${one ? "value" : "values"} ${removed.map((v) => show(v)).join(", ")} ${one ? "is" : "are"} removed from LF-tag ${show(before.key)}: ` +
          `Lake Formation drops ${one ? "it" : "them"} from every database, table and column tagged with ${one ? "it" : "them"}, and grants made through ${one ? "it" : "them"} stop applying`,
        fix: `keep ${removed.join(", ")} in governance.tags.${String(before.key)} of baikal.config.ts until nothing is tagged with ${one ? "it" : "them"}`,
      },
    ];
  },
};
