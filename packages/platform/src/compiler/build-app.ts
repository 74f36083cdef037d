import { prepareCostMonitorAssets } from "../cost-monitor/prepare-cost-monitor-assets.ts";
import { PLATFORM_DATABASE } from "../cost-monitor/query-log-table.ts";
import { App } from "../iac/cdktf.ts";
import type { Project } from "../loading/project.ts";
import { stackNames } from "../naming/stack-names.ts";
import type { BaikalStack, DeployTarget } from "../stacks/baikal-stack.ts";
import { DomainStack } from "../stacks/domain-stack.ts";
import { PlatformStack } from "../stacks/platform-stack.ts";
import { ConsumerStack } from "../governance/consumer-stack.ts";
import { compileGrants } from "../grants/compile-grants.ts";
import { DeclarationError } from "../problems/problem.ts";

export interface BuildAppOptions {
  readonly target: DeployTarget;
  /** @default "cdktf.out" under the project root */
  readonly outdir?: string;
  /** Build only these stacks. @default - all */
  readonly stacks?: readonly string[];
}

/**
 * An App holding the requested stacks, built lazily so one stack costs one stack. Unknown stack names are
 * an error that lists the known ones. Asynchronous because the cost monitor's Lambda is bundled (esbuild)
 * before the platform stacks that ship it are built; that bundling happens only when one of them is requested.
 */
export async function buildApp(project: Project, options: BuildAppOptions): Promise<{ app: App; stacks: BaikalStack[] }> {
  const all = stackNames(project);
  const wanted = options.stacks && options.stacks.length > 0 ? options.stacks : undefined;
  const unknown = (wanted ?? []).filter((name) => !all.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown stack${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; stacks: ${all.map((s) => s.name).join(", ")}`);
  }
  const app = new App({ outdir: options.outdir ?? `${project.root}/cdktf.out` });
  const { organisation, domains } = project;
  const selected = all.filter((s) => !wanted || wanted.includes(s.name));
  // One bundle for every environment's platform stack; each stack zips it into its own assets folder.
  const costMonitorAssets =
    organisation.costMonitor && selected.some((s) => s.owner === "platform") ? await prepareCostMonitorAssets(app.outdir) : undefined;
  // Grants span stacks (a view's grant reaches the tables it reads), so they are compiled for the whole project.
  const { grants, problems } = compileGrants(project);
  if (!grants) throw new DeclarationError(problems);
  const governanceOf = (env: string) => grants.environments.find((e) => e.environment === env)!;
  const stacks = selected.map(({ name, environment, owner }): BaikalStack => {
    if (owner === "platform") {
      return new PlatformStack(app, {
        organisation,
        environment,
        target: options.target,
        costMonitorAssets,
        lfTags: grants.tagKeys,
        views: project.views.filter((v) => v.domain === PLATFORM_DATABASE),
      });
    }
    if (owner === "consumer") {
      const governance = governanceOf(environment);
      return new ConsumerStack(app, { organisation, consumer: governance.consumers.find((c) => c.stack === name)!, governance, target: options.target });
    }
    return new DomainStack(app, {
      organisation,
      domain: domains.find((d) => d.name === owner)!,
      views: project.views.filter((v) => v.domain === owner),
      transforms: (project.transforms ?? []).filter((t) => t.domain === owner),
      environment,
      target: options.target,
      governance: governanceOf(environment),
    });
  });
  return { app, stacks };
}
