import type { TableDeclaration } from "../declarations/table.ts";
import { GlueCatalogTable } from "../iac/aws.ts";
import { Construct } from "../iac/cdktf.ts";
import { terraformLiteral } from "../iac/terraform-string.ts";
import { canonicalHiveType } from "../declarations/hive-type.ts";
import { DEFAULTS } from "../declarations/defaults.ts";
import { projectionParameters } from "./projection-parameters.ts";
import { storageFormat } from "./storage-format.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";

export interface DataTableProps {
  readonly table: TableDeclaration;
  readonly databaseName: string;
  readonly accountId: string;
  /** `s3://<zone bucket>/<domain>/<location>/`, ending in "/". */
  readonly locationUri: string;
  /**
   * Where one partition's files are, with `${key}` for each partition key (Athena's `storage.location.template`).
   * @default - `<locationUri><key>=${key}/...` (or `${key}/...` for the plain layout)
   */
  readonly locationTemplate?: string;
}

/** A table contract as a Glue external table with the format's SerDe and partition projection. */
export class DataTable extends Construct {
  readonly glueTable: GlueCatalogTable;

  constructor(scope: Construct, id: string, props: DataTableProps) {
    super(scope, id);
    const t = props.table;
    const format = storageFormat(t);
    const parameters = {
      EXTERNAL: "TRUE",
      ...format.tableParameters,
      ...projectionParameters(t, props.locationUri, props.locationTemplate),
    };
    this.glueTable = new GlueCatalogTable(this, MAIN_RESOURCE_ID, {
      name: t.name,
      databaseName: props.databaseName,
      catalogId: props.accountId,
      description: terraformLiteral(t.description),
      tableType: "EXTERNAL_TABLE",
      parameters: Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, terraformLiteral(v)])),
      partitionKeys: (t.partitionKeys ?? []).map((k) => ({
        name: k.name,
        type: k.type ?? DEFAULTS.partitionKeyType,
        comment: terraformLiteral(k.description),
      })),
      storageDescriptor: {
        location: props.locationUri,
        inputFormat: format.inputFormat,
        outputFormat: format.outputFormat,
        serDeInfo: {
          name: t.name,
          serializationLibrary: format.serializationLibrary,
          parameters: format.serdeParameters,
        },
        columns: t.columns.map((c) => ({ name: c.name, type: canonicalHiveType(c.type), comment: terraformLiteral(c.description) })),
      },
    });
  }
}
