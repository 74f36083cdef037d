import type { TerraformResourceLifecycle } from "../iac/cdktf.ts";

/** Lake Formation's name for "whatever IAM allows": a grant to it switches Lake Formation off for the resource. */
export const IAM_ALLOWED_PRINCIPALS = "IAM_ALLOWED_PRINCIPALS";

/** Every message the default-permission checks fail with, in one place so tests quote them. */
export const lakeFormationDefaultsMessages = {
  settings: (stack: string) =>
    `Lake Formation's default permissions are on in this account: new databases and tables give IAMAllowedPrincipals ALL, so IAM alone decides who reads them and no Lake Formation grant, column exclusion or row filter binds. Baikal's settings leave both defaults empty, but provider 5.100.0 reads them as computed and would plan no change. Turn them off again: apply ${stack} with -replace=aws_lakeformation_data_lake_settings.lake_formation (it writes the settings afresh, admins included), then check each database's create_table_default_permission.`,
  database: (database: string) =>
    `Glue database ${database} gives IAMAllowedPrincipals default permissions on its new tables (create_table_default_permission): it was created while Lake Formation's defaults were on, for instance before the platform stack. Lake Formation grants do not bind tables that carry that permission. Remove it (Lake Formation console: the database's "Edit", clear "Use only IAM access control for new tables"; or aws glue update-database without CreateTableDefaultPermissions), and revoke IAMAllowedPrincipals on its tables (aws lakeformation batch-revoke-permissions).`,
};

/**
 * Postconditions that fail a plan whenever the settings Terraform reads back carry a default permission. Provider
 * 5.100.0 marks both lists Optional+Computed: leaving them out clears them when the settings are written, but a
 * default turned back on outside Terraform would plan as "no changes". Conditions read only the resource itself,
 * so an offline plan (nothing in state, values unknown) defers them instead of calling AWS.
 */
export function settingsDefaultsOff(stack: string): Pick<TerraformResourceLifecycle, "postcondition"> {
  return {
    postcondition: [
      {
        condition: "${length(self.create_database_default_permissions) == 0 && length(self.create_table_default_permissions) == 0}",
        errorMessage: lakeFormationDefaultsMessages.settings(stack),
      },
    ],
  };
}

/**
 * A database's own default for new tables, read back from Glue: it must not name IAMAllowedPrincipals. The provider
 * cannot write it empty (a list block left out is not sent, so the database inherits the account's default when it
 * is created), so this is what makes an apply out of order, or defaults turned back on, show in the plan.
 */
export function databaseDefaultsOff(database: string): Pick<TerraformResourceLifecycle, "postcondition"> {
  return {
    postcondition: [
      {
        condition: `\${!contains(flatten([for p in self.create_table_default_permission : [for q in p.principal : q.data_lake_principal_identifier]]), "${IAM_ALLOWED_PRINCIPALS}")}`,
        errorMessage: lakeFormationDefaultsMessages.database(database),
      },
    ],
  };
}
