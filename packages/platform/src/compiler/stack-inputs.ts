/**
 * What each stack is built from, as plain data: the props its constructor receives, computed in one place
 * for both `buildApp` (which constructs the stacks) and the stack fingerprints (which hash the same props to
 * tell, without synthesizing anything, which stacks a change can reach). Type-only imports keep cdktf out.
 */
import { PLATFORM_DATABASE } from "../cost-monitor/query-log-table.ts";
import type { CostMonitorAssets } from "../cost-monitor/prepare-cost-monitor-assets.ts";
import type { ConsumerStackProps } from "../governance/consumer-stack.ts";
import type { CompiledGrants, EnvironmentGovernance } from "../grants/grant-model.ts";
import type { Project } from "../loading/project.ts";
import { appflowRawPrefixes } from "../ingestion/ingestion-tables.ts";
import type { StackName } from "../naming/stack-names.ts";
import type { DeployTarget } from "../stacks/deploy-target.ts";
import type { DomainStackProps } from "../stacks/domain-stack.ts";
import type { PlatformStackProps } from "../stacks/platform-stack.ts";
import type { SheetsExporterAssets } from "../exports/prepare-sheets-exporter-assets.ts";
import { exportPrefixes, upstreamViews } from "../exports/export-stack-inputs.ts";

export type StackInputs =
  | { readonly name: string; readonly kind: "platform"; readonly props: PlatformStackProps }
  | { readonly name: string; readonly kind: "consumer"; readonly props: ConsumerStackProps }
  | { readonly name: string; readonly kind: "domain"; readonly props: DomainStackProps };

export interface StackInputOptions {
  readonly target: DeployTarget;
  readonly grants: CompiledGrants;
  /** The bundled cost notifier, for platform stacks; left out when only fingerprinting. */
  readonly costMonitorAssets?: CostMonitorAssets;
  /** The bundled Google Sheets exporter, for domain stacks with such exports; left out when only fingerprinting. */
  readonly sheetsExporterAssets?: SheetsExporterAssets;
}

/** The props of one stack. Governance is narrowed to the stack's own items, so nothing else can leak in. */
export function stackInputs(project: Project, stack: StackName, options: StackInputOptions): StackInputs {
  const { organisation } = project;
  const { name, environment, owner } = stack;
  const governance = ownGovernance(options.grants.environments.find((e) => e.environment === environment)!, name);
  if (owner === "platform") {
    return {
      name,
      kind: "platform",
      props: {
        organisation,
        environment,
        target: options.target,
        costMonitorAssets: options.costMonitorAssets,
        lfTags: options.grants.tagKeys,
        views: project.views.filter((v) => v.domain === PLATFORM_DATABASE),
        // AppFlow writes to the raw bucket as a service principal, so the bucket's policy names each flow's prefix.
        appflowRawPrefixes: appflowRawPrefixes(project.domains),
        // AppFlow reads each Salesforce export's staged rows and writes the records Salesforce rejects.
        appflowExportPrefixes: exportPrefixes(project.domains),
        rdsExports: project.domains.some((d) => (d.ingestions ?? []).some((i) => i.kind === "rds-snapshot-export")),
        // Accounts reading the catalog through shares need its key too.
        consumerAccounts: options.grants.environments.find((e) => e.environment === environment)!.consumers.map((c) => c.accountId),
      },
    };
  }
  if (owner === "consumer") {
    const consumer = options.grants.environments.find((e) => e.environment === environment)!.consumers.find((c) => c.stack === name)!;
    return { name, kind: "consumer", props: { organisation, consumer, governance, target: options.target } };
  }
  return {
    name,
    kind: "domain",
    props: {
      organisation,
      domain: project.domains.find((d) => d.name === owner)!,
      views: project.views.filter((v) => v.domain === owner),
      transforms: (project.transforms ?? []).filter((t) => t.domain === owner),
      upstreamViews: upstreamViews(project, owner),
      sheetsExporterAssets: options.sheetsExporterAssets,
      environment,
      target: options.target,
      governance,
    },
  };
}

/** The environment's governance items that land in `stack`; the environment-wide lists are left empty. */
function ownGovernance(governance: EnvironmentGovernance, stack: string): EnvironmentGovernance {
  return {
    environment: governance.environment,
    permissions: governance.permissions.filter((p) => p.stack === stack),
    tags: governance.tags.filter((t) => t.stack === stack),
    filters: governance.filters.filter((f) => f.stack === stack),
    links: governance.links.filter((l) => l.stack === stack),
    consumers: [],
    access: [],
  };
}
