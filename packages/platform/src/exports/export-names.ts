import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import { domainWorkgroupName } from "../athena/workgroup-names.ts";
import { environment } from "../naming/names.ts";
import { bounded } from "../transforms/transform-names.ts";

/**
 * AWS names of an export's resources, derived from config like the transforms' so that grants in other domains'
 * stacks can name the export's role without reading Terraform state.
 */
export function exportNames(org: OrganisationDeclaration, env: string, domain: string, exportName: string) {
  const { region, accountId } = environment(org, env);
  const base = `${org.name}-${domain}-${exportName}`;
  const role = bounded(`${base}-export`, 64);
  const stateMachine = bounded(`${base}-export`, 80);
  return {
    /** The reader: the Lambda function's role (Google Sheets) or the state machine's (Salesforce). */
    role,
    roleArn: `arn:aws:iam::${accountId}:role/${role}`,
    function: bounded(`${base}-export`, 64),
    stateMachine,
    stateMachineArn: `arn:aws:states:${region}:${accountId}:stateMachine:${stateMachine}`,
    flow: bounded(`${base}-export`, 256),
    schedule: bounded(`${domain}-${exportName}-export`, 64),
    schedulerRole: bounded(`${base}-export-schedule`, 64),
  };
}

/**
 * The logical principal an export's role is in grants and in the access report: `export-<domain>-<name>`. Domain and
 * export names never hold "-", so the name is unique, and it reads as what it is in `baikal access`.
 */
export const exportPrincipalName = (domain: string, exportName: string) => `export-${domain}-${exportName}`;

/** The domain and export an export principal name stands for, or undefined for any other name. */
export function parseExportPrincipalName(name: string): { domain: string; exportName: string } | undefined {
  const match = /^export-([a-z][a-z0-9_]*)-([a-z][a-z0-9_]*)$/.exec(name);
  return match ? { domain: match[1]!, exportName: match[2]! } : undefined;
}

/**
 * The Secrets Manager secret holding a domain's Google service-account key (JSON), one per domain: a spreadsheet
 * shared with one team's service account can be written only by that team's exports. Terraform creates it without
 * a value; the team puts the key by hand.
 */
export const sheetsServiceAccountSecretName = (org: OrganisationDeclaration, domain: string) => `${org.name}/${domain}/google-sheets-service-account`;

/**
 * Where a Salesforce export stages the view's rows for AppFlow (`UNLOAD` writes JSON lines there): under the domain
 * workgroup's own prefix of the query-results bucket, which the lake never registers with Lake Formation and which
 * expires after 30 days. No trailing "/": AppFlow takes the prefix as a folder.
 */
export const exportStagingPrefix = (domain: string, exportName: string) => `${domainWorkgroupName(domain)}/exports/${exportName}/staging`;

/** Where AppFlow writes the records Salesforce rejected: the domain's raw prefix, kept like any raw data. */
export const exportErrorLocation = (exportName: string) => `exports/${exportName}/errors/`;
export const exportErrorPrefix = (domain: string, exportName: string) => `${domain}/${exportErrorLocation(exportName)}`;
