/**
 * A construct's main resource takes this id and adds nothing to its Terraform address (AWS CDK's "Default"
 * convention): `DataTable("table_orders")` holds `aws_glue_catalog_table.table_orders`, not `..._table`.
 */
export const MAIN_RESOURCE_ID = "default";
