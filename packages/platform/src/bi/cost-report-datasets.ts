import { PLATFORM_DATABASE } from "../cost-monitor/query-log-table.ts";
import type { RefreshScheduleDeclaration } from "../declarations/dataset.ts";
import { DEFAULTS } from "../declarations/defaults.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { costDatasetName } from "../grants/cost-report-intents.ts";
import { resolvePrincipal } from "../grants/principals.ts";
import type { GlueCatalogTable, QuicksightDataSource } from "../iac/aws.ts";
import type { Construct, TerraformResource } from "../iac/cdktf.ts";
import { environment } from "../naming/names.ts";
import type { ResolvedView } from "../views/resolved-view.ts";
import { QuicksightDataset } from "./quicksight-dataset.ts";
import { datasetOwners, quicksightDataSetId } from "./quicksight-names.ts";

export interface CostReportDatasetsProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  /** The cost views (`Project.views` of the `platform` database). */
  readonly views: readonly ResolvedView[];
  /** Their Glue tables by view id: a dataset is created after its view. */
  readonly glueTables: ReadonlyMap<string, GlueCatalogTable>;
  /** The environment's Athena data source, in the same stack. */
  readonly dataSource: QuicksightDataSource;
  /** @default DEFAULTS.costReportRefresh (daily at 01:00 UTC) */
  readonly refresh?: RefreshScheduleDeclaration;
  /** The readers' Lake Formation grants: SPICE imports when a dataset is created. @default [] */
  readonly afterGrants?: readonly TerraformResource[];
}

/**
 * When `costMonitor.quicksightReaders` is set, one SPICE dataset per cost view for those QuickSight groups, built
 * like a domain's dataset (the view as a relational table, input columns from its declared columns). The Lake
 * Formation grants they need come from the grants compiler (`platformPermissions`). Returns the datasets by view name.
 */
export function addCostReportDatasets(scope: Construct, props: CostReportDatasetsProps): Map<string, QuicksightDataset> {
  const { organisation: org, environment: env } = props;
  const readers = [...new Set(org.costMonitor?.quicksightReaders ?? [])];
  const added = new Map<string, QuicksightDataset>();
  if (readers.length === 0) return added;
  const accountId = environment(org, env).accountId;
  for (const view of props.views.filter((v) => v.domain === PLATFORM_DATABASE)) {
    const name = costDatasetName(view);
    const glueTable = props.glueTables.get(view.id);
    const dataset = new QuicksightDataset(scope, `dataset_${name}`, {
      dataset: { name, description: view.declaration.description, view: view.name, mode: "SPICE", refresh: props.refresh ?? DEFAULTS.costReportRefresh, readers },
      view: view.declaration,
      database: PLATFORM_DATABASE,
      accountId,
      dataSetId: quicksightDataSetId(PLATFORM_DATABASE, name, env),
      dataSourceArn: props.dataSource.arn,
      readers: readers.map((r) => resolvePrincipal(org, r, env)!.principal), // checked when the project loads
      owners: datasetOwners(org, env),
      ...(glueTable ? { after: glueTable } : {}),
      afterGrants: props.afterGrants ?? [],
    });
    added.set(view.name, dataset);
  }
  return added;
}
