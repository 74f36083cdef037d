import { canonicalHiveType, trinoTypeOf } from "../declarations/hive-type.ts";
import { GlueCatalogTable } from "../iac/aws.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";
import { Construct } from "../iac/cdktf.ts";
import { terraformLiteral } from "../iac/terraform-string.ts";
import { encodePrestoView, PRESTO_VIEW_EXPANDED_TEXT } from "../views/presto-view.ts";
import type { ResolvedView } from "../views/resolved-view.ts";

export interface AthenaViewProps {
  readonly view: ResolvedView;
  readonly databaseName: string;
  readonly accountId: string;
  /** Views of the same stack this one reads; Terraform creates them first. */
  readonly dependsOn?: readonly AthenaView[];
}

/**
 * A view stored exactly as Athena's own `CREATE VIEW` stores it (AWS-NOTES §2): a `VIRTUAL_VIEW` Glue table
 * whose original text is the base64 Presto definition with Trino types, whose storage descriptor lists the
 * same columns in Hive types, and whose SerDe block is non-empty (the provider drops an empty one, and Athena
 * then fails with "Table storage descriptor is missing SerDe info").
 */
export class AthenaView extends Construct {
  readonly glueTable: GlueCatalogTable;

  constructor(scope: Construct, id: string, props: AthenaViewProps) {
    super(scope, id);
    const { view } = props;
    const columns = view.declaration.columns;
    this.glueTable = new GlueCatalogTable(this, MAIN_RESOURCE_ID, {
      name: view.name,
      databaseName: props.databaseName,
      catalogId: props.accountId,
      description: terraformLiteral(view.declaration.description),
      tableType: "VIRTUAL_VIEW",
      parameters: { presto_view: "true", comment: "Presto View" },
      // Base64 cannot contain "${", so the SQL needs no Terraform escaping here.
      viewOriginalText: encodePrestoView({
        originalSql: view.sql,
        schema: view.domain,
        columns: columns.map((c) => ({ name: c.name, type: trinoTypeOf(c.type) })),
      }),
      viewExpandedText: PRESTO_VIEW_EXPANDED_TEXT,
      storageDescriptor: {
        serDeInfo: { name: "-", serializationLibrary: "-" },
        columns: columns.map((c) => ({ name: c.name, type: canonicalHiveType(c.type), comment: terraformLiteral(c.description) })),
      },
      dependsOn: props.dependsOn?.map((v) => v.glueTable),
    });
  }
}

/**
 * Every view of one database, dependencies first (as `Project.views` orders them). A view reading another view
 * of the same stack waits for it; views of other stacks exist already, because stacks are applied in order.
 */
export function addAthenaViews(
  scope: Construct,
  views: readonly ResolvedView[],
  where: { readonly databaseName: string; readonly accountId: string },
): Map<string, AthenaView> {
  const added = new Map<string, AthenaView>();
  for (const view of views) {
    const dependsOn = view.dependsOn.map((id) => added.get(id)).filter((v): v is AthenaView => v !== undefined);
    added.set(view.id, new AthenaView(scope, `view_${view.name}`, { view, ...where, dependsOn }));
  }
  return added;
}
