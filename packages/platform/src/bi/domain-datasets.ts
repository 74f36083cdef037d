import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import type { Construct, TerraformResource } from "../iac/cdktf.ts";
import type { GlueCatalogTable } from "../iac/aws.ts";
import type { Domain } from "../loading/project.ts";
import { environment } from "../naming/names.ts";
import { resolvePrincipal } from "../grants/principals.ts";
import { QuicksightDataset } from "./quicksight-dataset.ts";
import { datasetOwners, quicksightDataSetId, quicksightDataSourceArn } from "./quicksight-names.ts";

export interface DomainDatasetsProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  readonly domain: Domain;
  /** The domain's views' Glue tables by view name: a dataset is created after its view. */
  readonly views: ReadonlyMap<string, GlueCatalogTable>;
  /** The stack's Lake Formation grants, the readers' among them: SPICE imports when a dataset is created. @default [] */
  readonly afterGrants?: readonly TerraformResource[];
}

/** A domain's QuickSight datasets, on the environment's Athena data source (named from config). */
export function addDomainDatasets(scope: Construct, props: DomainDatasetsProps): void {
  const { organisation: org, environment: env, domain } = props;
  const accountId = environment(org, env).accountId;
  for (const dataset of domain.datasets ?? []) {
    const view = domain.views!.find((v) => v.name === dataset.view)!; // checked when the project loads
    const glueTable = props.views.get(view.name);
    new QuicksightDataset(scope, `dataset_${dataset.name}`, {
      dataset,
      view,
      database: domain.name,
      accountId,
      dataSetId: quicksightDataSetId(domain.name, dataset.name, env),
      dataSourceArn: quicksightDataSourceArn(org, env),
      readers: dataset.readers.map((r) => resolvePrincipal(org, r, env)!.principal),
      owners: datasetOwners(org, env),
      ...(glueTable ? { after: glueTable } : {}),
      afterGrants: props.afterGrants ?? [],
    });
  }
}
