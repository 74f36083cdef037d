import { PLATFORM_DATABASE } from "../cost-monitor/query-log-table.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import type { ResolvedView } from "../views/resolved-view.ts";
import { type Intent, viewIntents } from "./grant-intents.ts";

/** The dataset of each cost view is named after the view (bi/cost-report-datasets.ts). */
export const costDatasetName = (view: ResolvedView): string => view.name;

/**
 * What the cost report's QuickSight readers (`costMonitor.quicksightReaders`) need: for each cost view, exactly
 * what a dataset of a domain view gives its readers (the view, the views it reads, the query-log columns it
 * reads, from the view analysis' lineage). Readers that are not QuickSight groups are reported by
 * bi/check-datasets.ts and get nothing here.
 */
export function costReportIntents(org: OrganisationDeclaration, views: readonly ResolvedView[]): Intent[] {
  const readers = (org.costMonitor?.quicksightReaders ?? []).filter((r) => org.principals?.[r]?.kind === "quicksight-group");
  const costViews = views.filter((v) => v.domain === PLATFORM_DATABASE);
  return [...new Set(readers)].flatMap((reader) =>
    costViews.flatMap((view) => viewIntents(reader, view, views, costDatasetName(view))),
  );
}
