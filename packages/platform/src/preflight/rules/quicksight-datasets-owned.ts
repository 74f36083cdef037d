import { resourcesOf } from "../stack/synthesized-stack.ts";
import type { Rule } from "./rule.ts";

export const quicksightDatasetsOwned: Rule = {
  id: "quicksight-dataset-owner",
  summary: "Every QuickSight dataset has an owner who may update, refresh and share it (bi.quicksight.owners)",
  explanation:
    "QuickSight grants a dataset's actions only through its permissions. With readers alone, nobody in QuickSight can refresh it by hand, fix it or pass it on; only the API caller that created it (Terraform's role, no QuickSight user) could. Set bi.quicksight.owners to a quicksight-group principal.",
  documentation: "https://docs.aws.amazon.com/quicksight/latest/user/sharing-data-sets.html",
  equivalents: [],
  severity: "error",
  check: (stack) =>
    resourcesOf(stack, "aws_quicksight_data_set")
      .filter(([, d]) => !((d.permissions as { actions?: string[] }[] | undefined) ?? []).some((p) => p.actions?.includes("quicksight:UpdateDataSetPermissions")))
      .map(([name, d]) => ({ where: `aws_quicksight_data_set.${name}`, message: `dataset ${String(d.name)} has no owner: set bi.quicksight.owners in baikal.config.ts` })),
};
