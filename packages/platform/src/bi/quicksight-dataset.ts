import type { DatasetDeclaration } from "../declarations/dataset.ts";
import { type GlueCatalogTable, QuicksightDataSet, QuicksightRefreshSchedule } from "../iac/aws.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";
import { Construct, type TerraformResource } from "../iac/cdktf.ts";
import { terraformLiteral } from "../iac/terraform-string.ts";
import type { ViewDeclaration } from "../declarations/view.ts";
import { quicksightTypeOf } from "./quicksight-type.ts";

/** What a dataset's owners may do with it: everything, including refreshing it and sharing it. */
export const DATASET_OWNER_ACTIONS = [
  "quicksight:CancelIngestion",
  "quicksight:CreateIngestion",
  "quicksight:DeleteDataSet",
  "quicksight:DescribeDataSet",
  "quicksight:DescribeDataSetPermissions",
  "quicksight:DescribeIngestion",
  "quicksight:ListIngestions",
  "quicksight:PassDataSet",
  "quicksight:UpdateDataSet",
  "quicksight:UpdateDataSetPermissions",
];

/** What a dataset's readers may do with it: use it in analyses, not change or share it. */
export const DATASET_READER_ACTIONS = [
  "quicksight:DescribeDataSet",
  "quicksight:DescribeDataSetPermissions",
  "quicksight:DescribeIngestion",
  "quicksight:ListIngestions",
  "quicksight:PassDataSet",
];

export interface QuicksightDatasetProps {
  readonly dataset: DatasetDeclaration;
  readonly view: ViewDeclaration;
  readonly database: string;
  readonly accountId: string;
  readonly dataSetId: string;
  readonly dataSourceArn: string;
  /** QuickSight group ARNs of the readers. */
  readonly readers: readonly string[];
  /**
   * QuickSight group ARNs of the owners (`bi.quicksight.owners`): without an owner, only the API caller that created
   * the dataset (Terraform's role, no QuickSight user) could change, refresh or delete it. @default - none
   */
  readonly owners?: readonly string[];
  /** The view's Glue table, when it is in the same stack: the dataset is created after it. @default - none */
  readonly after?: GlueCatalogTable;
  /**
   * The Lake Formation grants its readers need. A SPICE dataset imports its data when it is created, so it waits for
   * them. @default []
   */
  readonly afterGrants?: readonly TerraformResource[];
}

/**
 * A dataset reading one view as a relational table, with no transforms: what the view declares is what
 * authors see. SPICE datasets get their refresh schedule.
 */
export class QuicksightDataset extends Construct {
  readonly dataSet: QuicksightDataSet;

  constructor(scope: Construct, id: string, props: QuicksightDatasetProps) {
    super(scope, id);
    const { dataset, view } = props;
    const columns = view.columns.filter((c) => dataset.columns === undefined || dataset.columns.includes(c.name));
    this.dataSet = new QuicksightDataSet(this, MAIN_RESOURCE_ID, {
      awsAccountId: props.accountId,
      dataSetId: props.dataSetId,
      name: terraformLiteral(dataset.name),
      importMode: dataset.mode,
      physicalTableMap: [
        {
          physicalTableMapId: "view",
          relationalTable: {
            dataSourceArn: props.dataSourceArn,
            catalog: "AwsDataCatalog",
            schema: props.database,
            name: view.name,
            inputColumns: columns.map((c) => ({ name: c.name, type: quicksightTypeOf(c.type) })),
          },
        },
      ],
      permissions: [
        ...(props.owners ?? []).map((principal) => ({ principal, actions: DATASET_OWNER_ACTIONS })),
        // A group that owns the dataset holds the readers' actions already; QuickSight takes one entry per principal.
        ...props.readers.filter((r) => !(props.owners ?? []).includes(r)).map((principal) => ({ principal, actions: DATASET_READER_ACTIONS })),
      ],
      ...(props.after || props.afterGrants?.length ? { dependsOn: [...(props.after ? [props.after] : []), ...(props.afterGrants ?? [])] } : {}),
    });
    const refresh = dataset.refresh;
    if (dataset.mode === "SPICE" && refresh) {
      new QuicksightRefreshSchedule(this, "refresh", {
        awsAccountId: props.accountId,
        dataSetId: this.dataSet.dataSetId,
        scheduleId: "baikal",
        schedule: [
          {
            refreshType: refresh.type ?? "FULL_REFRESH",
            scheduleFrequency: [
              {
                interval: refresh.interval,
                ...(refresh.timeOfDay !== undefined ? { timeOfTheDay: refresh.timeOfDay } : {}),
                timezone: terraformLiteral(refresh.timezone ?? "UTC"),
                // The provider takes the day of the month as a string: "1" to "28" or "LAST_DAY_OF_MONTH".
                ...(refresh.dayOfWeek !== undefined ? { refreshOnDay: [{ dayOfWeek: refresh.dayOfWeek }] } : {}),
                ...(refresh.dayOfMonth !== undefined ? { refreshOnDay: [{ dayOfMonth: String(refresh.dayOfMonth) }] } : {}),
              },
            ],
          },
        ],
      });
    }
  }
}
