import type { Project } from "../loading/project.ts";
import { workgroupResultsLocation } from "../athena/workgroup-names.ts";
import { resolvePrincipal } from "../grants/principals.ts";
import { environment } from "../naming/names.ts";

/** What Redash's Athena data source asks for, in one environment. */
export interface RedashConfig {
  readonly environment: string;
  readonly region: string;
  readonly workgroup: string;
  readonly s3StagingDir: string;
  readonly roleArn: string;
  /** The default schema: the first domain that grants redash anything; the others are qualified in queries. */
  readonly schema: string;
  /** Every domain redash is granted something in. */
  readonly schemas: readonly string[];
}

/** The values for Redash's Athena data source, from the `redash` principal and the `redash` workgroup. */
export function redashConfig(project: Pick<Project, "organisation" | "domains">, env: string): RedashConfig {
  const org = project.organisation;
  const declared = org.principals?.redash;
  if (declared?.kind !== "iam-role") {
    throw new Error('baikal.config.ts declares no principal "redash" of kind "iam-role"; add one, e.g. redash: { kind: "iam-role", name: "redash-athena" }');
  }
  const resolved = resolvePrincipal(org, "redash", env);
  if (!resolved) throw new Error(`the "redash" principal has no ARN for environment "${env}"`);
  const schemas = project.domains.filter((d) => (d.grants ?? []).some((g) => g.to === "redash")).map((d) => d.name);
  return {
    environment: env,
    region: environment(org, env).region,
    workgroup: "redash",
    s3StagingDir: workgroupResultsLocation(org, env, "redash"),
    roleArn: resolved.principal,
    schema: schemas[0] ?? "default",
    schemas,
  };
}

/** `key: value` lines, in the order Redash's form asks for them. */
export function formatRedashConfig(config: RedashConfig): string {
  return [
    `${config.environment}:`,
    `  AWS Region: ${config.region}`,
    `  S3 Staging (Query Results) Bucket Path: ${config.s3StagingDir}`,
    `  Schema Name: ${config.schema}${config.schemas.length > 1 ? ` (also readable: ${config.schemas.slice(1).join(", ")})` : ""}`,
    `  Athena Work Group: ${config.workgroup}`,
    `  IAM role to assume: ${config.roleArn}`,
    "",
  ].join("\n");
}
