import type { ResourceTag } from "../grants/grant-model.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";
import { LakeformationResourceLfTag } from "../iac/aws.ts";
import { Construct, type TerraformResource } from "../iac/cdktf.ts";

export interface ResourceLfTagProps {
  readonly tag: ResourceTag;
  /** The database or table tagged. */
  readonly target: TerraformResource;
}

/**
 * One LF-tag value on a database, a table or a column. The singular resource on purpose: the plural
 * `aws_lakeformation_resource_lf_tags` removes tags it did not create and re-adds all of them on any change.
 */
export class ResourceLfTag extends Construct {
  readonly resource: LakeformationResourceLfTag;

  constructor(scope: Construct, id: string, props: ResourceLfTagProps) {
    super(scope, id);
    const { tag } = props;
    const where =
      tag.table === undefined
        ? { database: [{ catalogId: tag.catalogId, name: tag.database }] }
        : tag.column === undefined
          ? { table: [{ catalogId: tag.catalogId, databaseName: tag.database, name: tag.table }] }
          : { tableWithColumns: [{ catalogId: tag.catalogId, databaseName: tag.database, name: tag.table, columnNames: [tag.column] }] };
    this.resource = new LakeformationResourceLfTag(this, MAIN_RESOURCE_ID, {
      catalogId: tag.catalogId,
      lfTag: [{ catalogId: tag.catalogId, key: tag.key, value: tag.value }],
      ...where,
      dependsOn: [props.target],
    });
  }
}
