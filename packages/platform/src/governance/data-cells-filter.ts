import type { CellsFilter } from "../grants/grant-model.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";
import { LakeformationDataCellsFilter } from "../iac/aws.ts";
import { Construct, type TerraformResource } from "../iac/cdktf.ts";
import { terraformLiteral } from "../iac/terraform-string.ts";

export interface DataCellsFilterProps {
  readonly filter: CellsFilter;
  /** The table it filters. */
  readonly table: TerraformResource;
}

/** A table's named row filter (`aws_lakeformation_data_cells_filter`): the rows, and the columns, a grant shows. */
export class DataCellsFilter extends Construct {
  readonly resource: LakeformationDataCellsFilter;

  constructor(scope: Construct, id: string, props: DataCellsFilterProps) {
    super(scope, id);
    const { filter } = props;
    this.resource = new LakeformationDataCellsFilter(this, MAIN_RESOURCE_ID, {
      tableData: [
        {
          tableCatalogId: filter.catalogId,
          databaseName: filter.database,
          tableName: filter.table,
          name: filter.name,
          rowFilter: [{ filterExpression: terraformLiteral(filter.expression) }],
          ...(filter.columns ? { columnNames: [...filter.columns] } : { columnWildcard: [{ excludedColumnNames: [...filter.excluded] }] }),
        },
      ],
      dependsOn: [props.table],
    });
  }
}
