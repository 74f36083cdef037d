import { createHash } from "node:crypto";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { lakeWriterRolePrefix } from "../naming/names.ts";
import { bounded } from "../transforms/transform-names.ts";

/** RDS export task identifiers: letters, digits and hyphens, a letter first, no "--"; kept within 60 characters. */
const EXPORT_TASK_ID_LENGTH = 60;
const DATE_SUFFIX_LENGTH = "-2024-01-31".length;

/**
 * What each day's export task of an ingestion is called before its date: `<domain>-<name>` in RDS's alphabet.
 * The task identifier is also the folder RDS writes the day under, so the raw tables' location template names it.
 */
export function exportTaskPrefix(domain: string, ingestion: string): string {
  const prefix = `${domain}-${ingestion}`.replace(/_+/g, "-");
  const max = EXPORT_TASK_ID_LENGTH - DATE_SUFFIX_LENGTH;
  if (prefix.length <= max) return prefix;
  const hash = createHash("sha256").update(prefix).digest("hex").slice(0, 8);
  return `${prefix.slice(0, max - hash.length - 1).replace(/-+$/, "")}-${hash}`;
}

/** AWS names of an RDS snapshot export's resources, derived from config like the transforms'. */
export function snapshotExportNames(org: OrganisationDeclaration, domain: string, ingestion: string) {
  const base = `${org.name}-${domain}-${ingestion}`;
  return {
    stateMachine: bounded(`${base}-export`, 80),
    runRole: bounded(`${base}-export-run`, 64),
    /** The role RDS assumes to write the export's files: a lake writer (see `lakeWriterRolePrefix`). */
    exportRole: bounded(`${lakeWriterRolePrefix(org)}${domain}-${ingestion}-rds-export`, 64),
    schedule: bounded(`${domain}-${ingestion}-export`, 64),
    schedulerRole: bounded(`${base}-export-schedule`, 64),
    exportTaskPrefix: exportTaskPrefix(domain, ingestion),
  };
}

/** One AppFlow flow per Salesforce object; its name is also the first folder AppFlow writes under the prefix. */
export const salesforceFlowName = (org: OrganisationDeclaration, domain: string, table: string) => bounded(`${org.name}-${domain}-${table}`, 256);
