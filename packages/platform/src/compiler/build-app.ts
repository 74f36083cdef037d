import { prepareCostMonitorAssets } from "../cost-monitor/prepare-cost-monitor-assets.ts";
import { App } from "../iac/cdktf.ts";
import type { Project } from "../loading/project.ts";
import { type StackName, stackNames } from "../naming/stack-names.ts";
import type { BaikalStack, DeployTarget } from "../stacks/baikal-stack.ts";
import { DomainStack } from "../stacks/domain-stack.ts";
import { PlatformStack } from "../stacks/platform-stack.ts";
import { ConsumerStack } from "../governance/consumer-stack.ts";
import { compileGrants } from "../grants/compile-grants.ts";
import { DeclarationError } from "../problems/problem.ts";
import { stackInputs } from "./stack-inputs.ts";
import { needsSheetsExporter } from "../exports/domain-exports.ts";
import { prepareSheetsExporterAssets, type SheetsExporterAssets } from "../exports/prepare-sheets-exporter-assets.ts";

export interface BuildAppOptions {
  readonly target: DeployTarget;
  /** @default "cdktf.out" under the project root */
  readonly outdir?: string;
  /** Build only these stacks. @default - all */
  readonly stacks?: readonly string[];
  /** A Google Sheets exporter bundle made earlier (synthesizeProject makes one for all its threads). @default - bundled here when needed */
  readonly sheetsExporterAssets?: SheetsExporterAssets;
}

/** The named stacks (all when none are named), in the project's order; an unknown name is an error listing the known ones. */
export function selectStacks(project: Project, names?: readonly string[]): StackName[] {
  const all = stackNames(project);
  const wanted = names && names.length > 0 ? names : undefined;
  const unknown = (wanted ?? []).filter((name) => !all.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown stack${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; stacks: ${all.map((s) => s.name).join(", ")}`);
  }
  return all.filter((s) => !wanted || wanted.includes(s.name));
}

/**
 * An App holding the requested stacks, built lazily so one stack costs one stack. Unknown stack names are
 * an error that lists the known ones. Asynchronous because the cost monitor's Lambda is bundled (esbuild)
 * before the platform stacks that ship it are built; that bundling happens only when one of them is requested.
 */
export async function buildApp(project: Project, options: BuildAppOptions): Promise<{ app: App; stacks: BaikalStack[] }> {
  const selected = selectStacks(project, options.stacks);
  const app = new App({ outdir: options.outdir ?? `${project.root}/cdktf.out` });
  const { organisation } = project;
  // One bundle for every environment's platform stack; each stack zips it into its own assets folder.
  const costMonitorAssets =
    organisation.costMonitor && selected.some((s) => s.owner === "platform") ? await prepareCostMonitorAssets(app.outdir) : undefined;
  // The same for the Google Sheets exporter, when a requested domain stack sends a view to Google Sheets.
  const selectedDomains = project.domains.filter((d) => selected.some((s) => s.owner === d.name));
  const sheetsExporterAssets =
    options.sheetsExporterAssets ?? (needsSheetsExporter(selectedDomains) ? await prepareSheetsExporterAssets(app.outdir) : undefined);
  // Grants span stacks (a view's grant reaches the tables it reads), so they are compiled for the whole project.
  const { grants, problems } = compileGrants(project);
  if (!grants) throw new DeclarationError(problems);
  const stacks = selected.map((spec): BaikalStack => {
    const inputs = stackInputs(project, spec, { target: options.target, grants, costMonitorAssets, sheetsExporterAssets });
    switch (inputs.kind) {
      case "platform":
        return new PlatformStack(app, inputs.props);
      case "consumer":
        return new ConsumerStack(app, inputs.props);
      case "domain":
        return new DomainStack(app, inputs.props);
    }
  });
  return { app, stacks };
}
