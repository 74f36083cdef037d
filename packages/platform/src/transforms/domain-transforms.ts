import { TeamWorkgroup } from "../athena/team-workgroup.ts";
import { domainWorkgroupName } from "../athena/workgroup-names.ts";
import type { DataTable } from "../catalog/data-table.ts";
import type { OrganisationDeclaration } from "../declarations/organisation.ts";
import type { Construct } from "../iac/cdktf.ts";
import type { Domain } from "../loading/project.ts";
import type { ResolvedTransform } from "./resolved-transform.ts";
import { TransformAlerts } from "./transform-alerts.ts";
import { TransformJob } from "./transform-job.ts";

export interface DomainTransformsProps {
  readonly organisation: OrganisationDeclaration;
  readonly environment: string;
  readonly domain: Domain;
  /** The domain's transforms (`Project.transforms` filtered to it). */
  readonly transforms: readonly ResolvedTransform[];
  /** The stack's tables by name, so each machine is created after the table it writes. */
  readonly tables: ReadonlyMap<string, DataTable>;
  /** ARNs of the lake key (query results) and, when the domain has transforms, the platform key (their logs). */
  readonly keys: DomainKeyArns;
}

/** The platform's keys as a domain stack reads them (`KeyLookup`). */
export interface DomainKeyArns {
  readonly lakeKeyArn: string;
  /** @default - none; needed only by transforms and RDS exports, for their log groups */
  readonly platformKeyArn?: string;
}

/**
 * What a domain stack holds for SQL-only ELT: the team's Athena workgroup (`aws_athena_workgroup.workgroup`),
 * and for each transform its state machine, role, log group and schedule (`transform_<name>`), reporting to one
 * topic. The runs' Lake Formation grants join the stack's `GrantChain`.
 */
export function addDomainTransforms(stack: Construct, props: DomainTransformsProps): { workgroup: TeamWorkgroup; jobs: Map<string, TransformJob> } {
  const { organisation, environment: env, domain } = props;
  const name = domainWorkgroupName(domain.name);
  const workgroup = new TeamWorkgroup(stack, "workgroup", {
    organisation,
    environment: env,
    name,
    description: `Queries and transforms of domain ${domain.name}.`,
    resultsKeyArn: props.keys.lakeKeyArn,
  });
  const jobs = new Map<string, TransformJob>();
  if (props.transforms.length === 0) return { workgroup, jobs };
  const alerts = TransformAlerts.getOrCreate(stack, { organisation, environment: env, domain: domain.name });
  const glueTables = new Map([...props.tables].map(([tableName, table]) => [tableName, table.glueTable]));
  for (const transform of props.transforms) {
    const job = new TransformJob(stack, `transform_${transform.name}`, {
      organisation,
      environment: env,
      transform,
      workgroup: name,
      alerts,
      glueTables,
      logKeyArn: props.keys.platformKeyArn!,
      dependsOn: [workgroup.workgroup],
    });
    jobs.set(transform.name, job);
  }
  return { workgroup, jobs };
}
