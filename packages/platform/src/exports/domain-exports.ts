import type { SalesforceExportDeclaration, SheetsExportDeclaration } from "../declarations/export.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import type { Construct, TerraformResource } from "../iac/cdktf.ts";
import type { IamRole } from "../iac/aws.ts";
import type { Domain } from "../loading/project.ts";
import { TransformAlerts } from "../transforms/transform-alerts.ts";
import type { ResolvedView } from "../views/resolved-view.ts";
import type { SheetsExporterAssets } from "./prepare-sheets-exporter-assets.ts";
import { SalesforceExport } from "./salesforce-export.ts";
import { SheetsExport } from "./sheets-export.ts";
import { addDefaultDatabaseAccess } from "../governance/default-database-access.ts";
import { environment } from "../naming/names.ts";

export interface DomainExportsProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  readonly domain: Domain;
  /** Every view of the project (an export's view may read other domains' published views). */
  readonly views: readonly ResolvedView[];
  /** The domain's workgroup, by name, and the resource: exports run in it, so they are created after it. */
  readonly workgroup: string;
  readonly workgroupResource: TerraformResource;
  /** The Glue tables of the domain's views by view name: an export is created after its view. */
  readonly viewTables: ReadonlyMap<string, TerraformResource>;
  /** The bundled Sheets exporter; required when the domain has a google-sheets export. */
  readonly sheetsExporterAssets?: SheetsExporterAssets;
  /** The platform's keys by ARN; the stack looks the platform key up whenever the domain has an export. */
  readonly keys: { readonly lakeKeyArn: string; readonly platformKeyArn?: string };
}

/** Logs and the service-account secret use the platform key, AppFlow the lake key. */

export interface ExportKeys {
  readonly lakeKeyArn: string;
  readonly platformKeyArn: string;
}

/**
 * What a domain stack holds for its exports, each under `export_<name>`, reporting failures to the domain's failure
 * topic (`<org>-<domain>-transform-failures`, which reaches Slack through the cost monitor's transform alerts).
 * Returns the exports' roles: the stack's Lake Formation grants to them must wait until they exist.
 */
export function addDomainExports(stack: Construct, props: DomainExportsProps): IamRole[] {
  const { organisation, environment: env, domain } = props;
  const roles: IamRole[] = [];
  for (const e of domain.exports ?? []) {
    const view = props.views.find((v) => v.domain === domain.name && v.name === e.view)!; // checked when the project loads
    const alerts = TransformAlerts.getOrCreate(stack, { organisation, environment: env, domain: domain.name });
    const viewTable = props.viewTables.get(e.view);
    const common = {
      organisation,
      environment: env,
      domain: domain.name,
      view,
      views: props.views,
      workgroup: props.workgroup,
      alerts,
      keys: { lakeKeyArn: props.keys.lakeKeyArn, platformKeyArn: props.keys.platformKeyArn! },
      dependsOn: [props.workgroupResource, ...(viewTable ? [viewTable] : [])],
    };
    if (e.destination.kind === "google-sheets") {
      if (!props.sheetsExporterAssets) {
        throw new Error(
          `domain ${domain.name}: export "${e.name}" writes Google Sheets but no sheets-exporter bundle was given; await prepareSheetsExporterAssets(outdir) and pass it as sheetsExporterAssets (buildApp does this)`,
        );
      }
      roles.push(new SheetsExport(stack, `export_${e.name}`, { ...common, export: e as SheetsExportDeclaration, assets: props.sheetsExporterAssets }).role);
    } else {
      roles.push(new SalesforceExport(stack, `export_${e.name}`, { ...common, export: e as SalesforceExportDeclaration }).role);
    }
  }
  // Athena describes `default` before every query: each export's role holds DESCRIBE on it, in the stack's grant chain.
  addDefaultDatabaseAccess(stack, {
    principals: roles.map((role, i) => ({ name: `export_${domain.exports![i]!.name}`, principal: role.arn })),
    catalogId: environment(organisation, env).accountId,
    after: roles,
  });
  return roles;
}

/** Whether any of these domains sends a view to Google Sheets, so the app must bundle the exporter. */
export const needsSheetsExporter = (domains: readonly Pick<Domain, "exports">[]) =>
  domains.some((d) => (d.exports ?? []).some((e) => e.destination.kind === "google-sheets"));
