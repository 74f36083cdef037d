import {
  type AppflowSalesforceDeclaration,
  type IngestionDeclaration,
  ingestionLocation,
  type RdsSnapshotExportDeclaration,
} from "../declarations/ingestion.ts";
import { DEFAULTS } from "../declarations/defaults.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import type { PartitionKeyDeclaration, TableDeclaration } from "../declarations/table.ts";
import type { Domain } from "../loading/project.ts";
import { domainPrefix } from "../naming/names.ts";
import { exportTaskPrefix, salesforceFlowName } from "./ingestion-names.ts";


/**
 * Adds each ingestion's raw tables to the domain's `tables`, so views, grants, contracts, docs and `baikal access`
 * see ordinary tables. Called once per domain when the project loads, after the declarations are valid.
 */
export function withIngestionTables<D extends Pick<Domain, "tables" | "ingestions">>(domain: D): D {
  if (!domain.ingestions?.length) return domain;
  return { ...domain, tables: [...(domain.tables ?? []), ...domain.ingestions.flatMap(ingestionTables)] };
}

/** The raw Parquet tables an ingestion fills, each partitioned by the day of the run (`dt`). */
export function ingestionTables(i: IngestionDeclaration): TableDeclaration[] {
  return i.kind === "rds-snapshot-export" ? exportTables(i) : flowTables(i);
}

function exportTables(i: RdsSnapshotExportDeclaration): TableDeclaration[] {
  const zone = (i.schedule ?? DEFAULTS.ingestionExportSchedule).timezone;
  const dt: PartitionKeyDeclaration = {
    name: "dt",
    description: `Day the export ran (${zone}); it holds the latest automated snapshot taken before the run.`,
    projection: { type: "date", format: "yyyy-MM-dd", range: [i.since ?? DEFAULTS.ingestionSince, "NOW"] },
  };
  // Every table of one export shares the ingestion's prefix: RDS writes <export id>/<database>/<schema>.<table>/.
  return i.tables.map(({ source: _source, ...t }) => ({ ...t, zone: "raw", format: "parquet", location: ingestionLocation(i), partitionKeys: [dt] }));
}

function flowTables(i: AppflowSalesforceDeclaration): TableDeclaration[] {
  const since = i.since ?? DEFAULTS.ingestionSince;
  const dt: PartitionKeyDeclaration = {
    name: "dt",
    description: "Day the flow ran (yyyy/MM/dd, UTC); it holds every record of the object at that time.",
    // AppFlow's path has one folder per unit (2024/01/31), so that is the format of dt's values too.
    projection: { type: "date", format: "yyyy/MM/dd", range: [since.startsWith("NOW") ? since : since.replaceAll("-", "/"), "NOW"] },
  };
  return i.objects.map((o) => ({
    name: o.table,
    description: o.description,
    zone: "raw",
    format: "parquet",
    location: `${ingestionLocation(i)}${o.table}/`,
    columns: o.fields.map(({ field: _field, ...column }) => column),
    partitionKeys: [dt],
    ...(o.published === undefined ? {} : { published: o.published }),
    ...(o.tags ? { tags: o.tags } : {}),
    ...(o.rowFilters ? { rowFilters: o.rowFilters } : {}),
  }));
}

/**
 * Where each ingested table's day lives, as Athena's `storage.location.template` (with `${dt}` for the day):
 * RDS names the day's folder after the export task, AppFlow after the flow and the date.
 */
export function ingestionLocationTemplates(org: OrganisationDeclaration, env: string, domain: Pick<Domain, "name" | "ingestions">): Map<string, string> {
  const templates = new Map<string, string>();
  const root = domainPrefix(org, env, "raw", domain.name);
  for (const i of domain.ingestions ?? []) {
    const prefix = `${root}${ingestionLocation(i)}`;
    if (i.kind === "rds-snapshot-export") {
      const task = exportTaskPrefix(domain.name, i.name);
      for (const t of i.tables) {
        templates.set(t.name, `${prefix}${task}-\${dt}/${t.source.database}/${t.source.schema ?? t.source.database}.${t.source.table}/`);
      }
    } else {
      for (const o of i.objects) templates.set(o.table, `${prefix}${o.table}/${salesforceFlowName(org, domain.name, o.table)}/\${dt}/`);
    }
  }
  return templates;
}

/** Raw prefixes (`<domain>/<location>`) AppFlow writes to, for the raw bucket's policy in the platform stack. */
export function appflowRawPrefixes(domains: readonly Pick<Domain, "name" | "ingestions">[]): string[] {
  return domains.flatMap((d) => (d.ingestions ?? []).filter((i) => i.kind === "appflow-salesforce").map((i) => `${d.name}/${ingestionLocation(i)}`));
}
