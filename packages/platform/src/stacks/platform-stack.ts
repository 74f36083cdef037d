import { PlatformWorkgroups } from "../athena/platform-workgroups.ts";
import { AthenaCostMonitor } from "../cost-monitor/athena-cost-monitor.ts";
import type { CostMonitorAssets } from "../cost-monitor/prepare-cost-monitor-assets.ts";
import { PLATFORM_DATABASE } from "../cost-monitor/query-log-table.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { addAthenaViews } from "../catalog/athena-view.ts";
import { GlueCatalogDatabase } from "../iac/aws.ts";
import type { ResolvedView } from "../views/resolved-view.ts";
import { LakeFormationSettings } from "../lake/lake-formation-settings.ts";
import { databaseDefaultsOff } from "../lake/lake-formation-defaults.ts";
import { LakeLocations } from "../lake/lake-locations.ts";
import { LakeStorage } from "../lake/lake-storage.ts";
import type { Construct } from "../iac/cdktf.ts";
import { catalogKeyAlias, environment, lakeFormationAdmins, lakeLocationRoleName, platformKeyAlias, platformStackName } from "../naming/names.ts";
import { BaikalStack, type DeployTarget } from "./baikal-stack.ts";
import { LfTags } from "../governance/lf-tags.ts";
import { PlatformBi } from "../bi/platform-bi.ts";
import { addCostReportDatasets } from "../bi/cost-report-datasets.ts";
import { addPlatformGovernance } from "../governance/platform-governance.ts";
import type { AppflowExportPrefixes } from "../exports/export-stack-inputs.ts";
import { addDefaultDatabaseAccess, queryingPrincipals } from "../governance/default-database-access.ts";
import { PlatformKey } from "../encryption/platform-key.ts";
import { CatalogEncryption } from "../encryption/catalog-encryption.ts";

export interface PlatformStackProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  readonly target: DeployTarget;
  /**
   * The bundled cost-notifier Lambda; required when the organisation configures `costMonitor`.
   * @default - none; the stack fails to build if `costMonitor` is configured
   */
  readonly costMonitorAssets?: CostMonitorAssets;
  /** LF-tag keys and values to create (`CompiledGrants.tagKeys`). @default - none */
  readonly lfTags?: Readonly<Record<string, readonly string[]>>;
  /** The platform's own views (the cost report), checked, dependencies first. @default [] */
  readonly views?: readonly ResolvedView[];
  /** Raw prefixes of the domains' AppFlow ingestions (`appflowRawPrefixes(project.domains)`). @default [] */
  readonly appflowRawPrefixes?: readonly string[];
  /** Staging and error prefixes of the domains' Salesforce exports (`exportPrefixes(project.domains)`). @default - none */
  readonly appflowExportPrefixes?: AppflowExportPrefixes;
  /** A domain exports RDS snapshots, which RDS encrypts with the lake key. @default false */
  readonly rdsExports?: boolean;
  /** Accounts that read this environment's catalog through Lake Formation shares. @default [] */
  readonly consumerAccounts?: readonly string[];
}

/**
 * `platform-<env>`: the lake's storage, Lake Formation's account settings, the platform's own Glue database and,
 * when configured, the Athena cost monitor; owned by the platform team.
 */
export class PlatformStack extends BaikalStack {
  readonly storage: LakeStorage;
  readonly lakeFormation: LakeFormationSettings;
  readonly database: GlueCatalogDatabase;
  readonly costMonitor?: AthenaCostMonitor;
  readonly platformKey: PlatformKey;
  readonly catalogEncryption: CatalogEncryption;

  constructor(scope: Construct, props: PlatformStackProps) {
    const { organisation, environment: env, target } = props;
    super(scope, platformStackName(env), { organisation, environment: env, target, owner: "platform" });
    this.lakeFormation = new LakeFormationSettings(this, "lake_formation", { admins: lakeFormationAdmins(organisation, env), stack: platformStackName(env) });
    if (props.lfTags) {
      new LfTags(this, "lf_tag", { tags: props.lfTags, catalogId: environment(organisation, env).accountId, after: this.lakeFormation.settings });
    }
    const { accountId, region } = environment(organisation, env);
    this.storage = new LakeStorage(this, "lake", {
      organisation,
      environment: env,
      appflowRawPrefixes: props.appflowRawPrefixes ?? [],
      appflowExportPrefixes: props.appflowExportPrefixes,
      rdsExports: props.rdsExports ?? false,
    });
    this.platformKey = new PlatformKey(this, "platform_key", { accountId, region, alias: platformKeyAlias(organisation) });
    this.catalogEncryption = new CatalogEncryption(this, "catalog_encryption", {
      accountId,
      region,
      alias: catalogKeyAlias(organisation),
      consumerAccounts: props.consumerAccounts ?? [],
      after: [this.lakeFormation.settings],
    });
    new LakeLocations(this, "lake_locations", {
      roleName: lakeLocationRoleName(organisation),
      buckets: [this.storage.buckets.raw, this.storage.buckets.curated],
      key: this.storage.key,
      after: this.lakeFormation.settings,
    });

    // The platform's own tables, laid out like a domain's under s3://<curated bucket>/platform/. Created after the
    // settings have removed the IAMAllowedPrincipals defaults, so it inherits none (see DomainDatabase).
    this.database = new GlueCatalogDatabase(this, "database", {
      name: PLATFORM_DATABASE,
      catalogId: environment(organisation, env).accountId,
      description: "The data platform's own tables, such as the Athena query log. Owned by the platform team.",
      lifecycle: { preventDestroy: true, ...databaseDefaultsOff(PLATFORM_DATABASE) },
      dependsOn: [this.lakeFormation.settings],
    });

    new PlatformWorkgroups(this, "workgroup", { organisation, environment: env, resultsKeyArn: this.storage.key.arn });
    const bi = new PlatformBi(this, "bi", { organisation, environment: env, key: this.storage.key });

    const views = addAthenaViews(this, props.views ?? [], { databaseName: this.database.name, accountId: environment(organisation, env).accountId });

    // Athena describes `default` before every query: DESCRIBE on it for every principal of this account that queries,
    // once Lake Formation's settings exist and the Redash role, when Baikal creates it, does. First in the stack's
    // chain of grants, so everything that waits for the chain (the cost report's datasets) waits for these too.
    addDefaultDatabaseAccess(this, {
      principals: queryingPrincipals(organisation, env),
      catalogId: accountId,
      after: [this.lakeFormation.settings, ...(bi.redashRole ? [bi.redashRole] : [])],
    });

    const settings = organisation.costMonitor;
    if (settings) {
      if (!props.costMonitorAssets) {
        throw new Error(
          `${platformStackName(env)}: costMonitor is configured but no cost-notifier bundle was given; ` +
            "await prepareCostMonitorAssets(outdir) and pass it as costMonitorAssets (buildApp does this)",
        );
      }
      this.costMonitor = new AthenaCostMonitor(this, "cost_monitor", {
        organisation,
        environment: env,
        settings,
        assets: props.costMonitorAssets,
        queryLogBucket: this.storage.buckets.curated,
        key: this.storage.key,
        platformKey: this.platformKey.key,
        database: this.database,
      });
      // The cost report in QuickSight for `costMonitor.quicksightReaders`: a dataset per view, and the grants to read it.
      const viewTables = new Map([...views].map(([id, view]) => [id, view.glueTable]));
      const after = [this.lakeFormation.settings, this.database, this.costMonitor.queryLog.glueTable, ...viewTables.values()];
      const grants = addPlatformGovernance(this, { organisation, environment: env, views: props.views ?? [], after });
      // SPICE imports at creation, with the readers' Lake Formation grants already in place.
      addCostReportDatasets(this, {
        organisation,
        environment: env,
        views: props.views ?? [],
        glueTables: viewTables,
        dataSource: bi.dataSource,
        afterGrants: grants.slice(-1).map((g) => g.resource),
      });
    }
  }
}
