import type { OrganisationDeclaration } from "../../declarations/organisation.ts";
import type { Domain } from "../../loading/project.ts";
import type { Problem } from "../../problems/problem.ts";
import { awsLimit, limitMessages } from "./aws-limits.ts";

/**
 * QuickSight's limits on a dataset: the principals it names (its readers and the owners group), the columns of its
 * table, and a time of day only for the intervals that take one.
 */
export function quicksightLimits(org: OrganisationDeclaration, domain: Domain): Problem[] {
  const problems: Problem[] = [];
  const maxPrincipals = awsLimit("quicksight-dataset-permissions").max!;
  const maxColumns = awsLimit("quicksight-input-columns").max!;
  const timeOfDay = awsLimit("quicksight-time-of-day").values!;
  const owners = org.bi?.quicksight?.owners;
  (domain.datasets ?? []).forEach((d, i) => {
    const at = (path: (string | number)[], message: string) => problems.push({ source: domain.sourceFile, path: ["datasets", i, ...path], message });
    const principals = new Set([...d.readers, ...(owners ? [owners] : [])]).size;
    if (principals > maxPrincipals) at(["readers"], limitMessages.tooMany("quicksight-dataset-permissions", principals, "grant a QuickSight group that holds the readers instead"));
    const columns = d.columns?.length ?? domain.views?.find((v) => v.name === d.view)?.columns.length ?? 0;
    if (columns > maxColumns) at([d.columns ? "columns" : "view"], limitMessages.tooMany("quicksight-input-columns", columns, "name fewer columns in `columns`"));
    if (d.refresh?.timeOfDay !== undefined && !timeOfDay.includes(d.refresh.interval)) at(["refresh", "timeOfDay"], limitMessages.timeOfDay(d.refresh.interval));
  });
  return problems;
}
