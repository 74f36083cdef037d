import { type AthenaView, addAthenaViews } from "../catalog/athena-view.ts";
import { DataTable } from "../catalog/data-table.ts";
import { DomainDatabase } from "../catalog/domain-database.ts";
import { tableLocation } from "../declarations/table.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import type { Construct, TerraformResource } from "../iac/cdktf.ts";
import type { Domain } from "../loading/project.ts";
import type { ResolvedView } from "../views/resolved-view.ts";
import { domainPrefix, domainStackName, environment, lakeKeyAlias, platformKeyAlias } from "../naming/names.ts";
import { KeyLookup } from "../encryption/key-lookup.ts";
import { BaikalStack, type DeployTarget } from "./baikal-stack.ts";
import { addDomainGovernance } from "../governance/domain-governance.ts";
import type { EnvironmentGovernance } from "../grants/grant-model.ts";
import { addDomainTransforms } from "../transforms/domain-transforms.ts";
import { addDomainDatasets } from "../bi/domain-datasets.ts";
import type { ResolvedTransform } from "../transforms/resolved-transform.ts";
import { addDomainIngestions } from "../ingestion/domain-ingestions.ts";
import { ingestionLocationTemplates } from "../ingestion/ingestion-tables.ts";
import { addDomainExports } from "../exports/domain-exports.ts";
import { domainWorkgroupName } from "../athena/workgroup-names.ts";
import type { SheetsExporterAssets } from "../exports/prepare-sheets-exporter-assets.ts";

export interface DomainStackProps {
  readonly organisation: OrganisationDeclaration;
  readonly domain: Domain;
  /** The domain's views, dependencies first (`Project.views` filtered to this domain). */
  readonly views: readonly ResolvedView[];
  readonly environment: string;
  readonly target: DeployTarget;
  /** The environment's compiled grants, LF-tags and row filters; this stack takes its own. @default - none */
  readonly governance?: EnvironmentGovernance;
  /** The domain's transforms (`Project.transforms` filtered to this domain). @default [] */
  readonly transforms?: readonly ResolvedTransform[];
  /** Other domains' views that this domain's exports read, transitively: their Glue entries are in the exports' IAM. @default [] */
  readonly upstreamViews?: readonly ResolvedView[];
  /** The bundled Google Sheets exporter; required when the domain has a google-sheets export. @default - none */
  readonly sheetsExporterAssets?: SheetsExporterAssets;
}

/** `domain-<team>-<env>`: the team's database and tables. It reads platform names from config, never its state. */
export class DomainStack extends BaikalStack {
  readonly database: DomainDatabase;
  readonly tables: ReadonlyMap<string, DataTable>;
  readonly views: ReadonlyMap<string, AthenaView>;

  constructor(scope: Construct, props: DomainStackProps) {
    const { organisation, domain, environment: env, target } = props;
    super(scope, domainStackName(domain.name, env), { organisation, environment: env, target, owner: domain.name });
    const accountId = environment(organisation, env).accountId;
    this.database = new DomainDatabase(this, "database", { name: domain.name, description: domain.description, accountId });
    const tables = new Map<string, DataTable>();
    // Ingested tables are ordinary tables whose days are where RDS or AppFlow put them.
    const templates = ingestionLocationTemplates(organisation, env, domain);
    for (const table of domain.tables ?? []) {
      tables.set(
        table.name,
        new DataTable(this, `table_${table.name}`, {
          table,
          databaseName: this.database.database.name,
          accountId,
          locationUri: `${domainPrefix(organisation, env, table.zone, domain.name)}${tableLocation(table)}`,
          locationTemplate: templates.get(table.name),
        }),
      );
    }
    this.tables = tables;

    this.views = addAthenaViews(this, props.views, { databaseName: this.database.database.name, accountId });
    // The platform's keys by their aliases (data.aws_kms_alias.lake_key, .platform_key): services that take key ARNs
    // only get the key's ARN, read after the database so an offline plan never calls KMS.
    const lakeKey = new KeyLookup(this, "lake_key", { alias: lakeKeyAlias(organisation), after: this.database.database });
    const needsPlatformKey =
      (props.transforms ?? []).length > 0 || (domain.exports ?? []).length > 0 || (domain.ingestions ?? []).some((i) => i.kind === "rds-snapshot-export");
    const platformKey = needsPlatformKey ? new KeyLookup(this, "platform_key", { alias: platformKeyAlias(organisation), after: this.database.database }) : undefined;
    const keys = { lakeKeyArn: lakeKey.arn, platformKeyArn: platformKey?.arn };
    const { workgroup } = addDomainTransforms(this, { organisation, environment: env, domain, transforms: props.transforms ?? [], tables, keys });
    addDomainIngestions(this, { organisation, environment: env, domain, tables, keys });
    const viewTables = new Map(props.views.map((v) => [v.name, this.views.get(v.id)!.glueTable]));
    // Before governance: the stack's grants to the exports' roles wait for the roles.
    const exportRoles = addDomainExports(this, {
      organisation,
      environment: env,
      domain,
      views: [...props.views, ...(props.upstreamViews ?? [])],
      workgroup: domainWorkgroupName(domain.name),
      workgroupResource: workgroup.workgroup,
      viewTables,
      sheetsExporterAssets: props.sheetsExporterAssets,
      keys,
    });

    const grants: TerraformResource[] = [];
    if (props.governance) {
      const relations = new Map([...tables].map(([name, t]) => [name, t.glueTable]));
      for (const view of props.views) relations.set(view.name, this.views.get(view.id)!.glueTable);
      const made = addDomainGovernance(this, { governance: props.governance, stackName: this.node.id, catalogId: accountId, database: this.database.database, relations, after: exportRoles });
      grants.push(...made.map((g) => g.resource));
    }
    addDomainDatasets(this, {
      organisation,
      environment: env,
      domain,
      views: viewTables,
      // The chain's last grant: each waits for the one before, so it is the readers' as well.
      afterGrants: grants.slice(-1),
    });
  }
}
