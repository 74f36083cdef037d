import { DataTable } from "../catalog/data-table.ts";
import { DomainDatabase } from "../catalog/domain-database.ts";
import { tableLocation } from "../declarations/table.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import type { Construct } from "../iac/cdktf.ts";
import type { Domain } from "../loading/project.ts";
import { domainPrefix, domainStackName, environment } from "../naming/names.ts";
import { BaikalStack, type DeployTarget } from "./baikal-stack.ts";

export interface DomainStackProps {
  readonly organisation: OrganisationDeclaration;
  readonly domain: Domain;
  readonly environment: string;
  readonly target: DeployTarget;
}

/** `domain-<team>-<env>`: the team's database and tables. It reads platform names from config, never its state. */
export class DomainStack extends BaikalStack {
  readonly database: DomainDatabase;
  readonly tables: ReadonlyMap<string, DataTable>;

  constructor(scope: Construct, props: DomainStackProps) {
    const { organisation, domain, environment: env, target } = props;
    super(scope, domainStackName(domain.name, env), { organisation, environment: env, target, owner: domain.name });
    const accountId = environment(organisation, env).accountId;
    this.database = new DomainDatabase(this, "database", { name: domain.name, description: domain.description, accountId });
    const tables = new Map<string, DataTable>();
    for (const table of domain.tables ?? []) {
      tables.set(
        table.name,
        new DataTable(this, `table_${table.name}`, {
          table,
          databaseName: this.database.database.name,
          accountId,
          locationUri: `${domainPrefix(organisation, env, table.zone, domain.name)}${tableLocation(table)}`,
        }),
      );
    }
    this.tables = tables;
  }
}
