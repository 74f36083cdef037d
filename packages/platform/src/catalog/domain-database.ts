import { GlueCatalogDatabase } from "../iac/aws.ts";
import { Construct } from "../iac/cdktf.ts";
import { terraformLiteral } from "../iac/terraform-string.ts";
import { MAIN_RESOURCE_ID } from "../iac/addresses.ts";
import { databaseDefaultsOff } from "../lake/lake-formation-defaults.ts";

export interface DomainDatabaseProps {
  readonly name: string;
  readonly description: string;
  readonly accountId: string;
}

/**
 * The domain's Glue database. It sets no `create_table_default_permission` (provider 5.100.0 cannot send an empty
 * one), so new tables inherit the catalog default, which the platform stack's Lake Formation settings have emptied:
 * no IAMAllowedPrincipals grant ever appears. That is why the platform stack is applied before any domain stack, and
 * a postcondition fails the apply, and every plan after it, of a database that inherited that default anyway.
 */
export class DomainDatabase extends Construct {
  readonly database: GlueCatalogDatabase;

  constructor(scope: Construct, id: string, props: DomainDatabaseProps) {
    super(scope, id);
    this.database = new GlueCatalogDatabase(this, MAIN_RESOURCE_ID, {
      name: props.name,
      catalogId: props.accountId,
      description: terraformLiteral(props.description),
      lifecycle: { preventDestroy: true, ...databaseDefaultsOff(props.name) },
    });
  }
}
