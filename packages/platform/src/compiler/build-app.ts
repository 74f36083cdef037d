import { App } from "../iac/cdktf.ts";
import type { Project } from "../loading/project.ts";
import { domainStackName, platformStackName } from "../naming/names.ts";
import type { BaikalStack, DeployTarget } from "../stacks/baikal-stack.ts";
import { DomainStack } from "../stacks/domain-stack.ts";
import { PlatformStack } from "../stacks/platform-stack.ts";

export interface StackPlan {
  readonly name: string;
  readonly environment: string;
  /** `platform` or the domain's name. */
  readonly owner: string;
  readonly build: (app: App, target: DeployTarget) => BaikalStack;
}

/** Every stack of the organisation, named but not built: building is lazy so one stack costs one stack. */
export function listStacks(project: Project): StackPlan[] {
  const plans: StackPlan[] = [];
  for (const environment of Object.keys(project.organisation.environments)) {
    plans.push({
      name: platformStackName(environment),
      environment,
      owner: "platform",
      build: (app, target) => new PlatformStack(app, { organisation: project.organisation, environment, target }),
    });
    for (const domain of project.domains) {
      plans.push({
        name: domainStackName(domain.name, environment),
        environment,
        owner: domain.name,
        build: (app, target) => new DomainStack(app, { organisation: project.organisation, domain, environment, target }),
      });
    }
  }
  return plans;
}

export interface BuildAppOptions {
  readonly target: DeployTarget;
  /** @default "cdktf.out" under the project root */
  readonly outdir?: string;
  /** Build only these stacks. @default - all */
  readonly stacks?: readonly string[];
}

/** An App holding the requested stacks; unknown stack names are an error that lists the known ones. */
export function buildApp(project: Project, options: BuildAppOptions): { app: App; stacks: BaikalStack[] } {
  const all = listStacks(project);
  const wanted = options.stacks && options.stacks.length > 0 ? options.stacks : undefined;
  if (wanted) {
    const unknown = wanted.filter((name) => !all.some((s) => s.name === name));
    if (unknown.length > 0) {
      throw new Error(`unknown stack${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; stacks: ${all.map((s) => s.name).join(", ")}`);
    }
  }
  const app = new App({ outdir: options.outdir ?? `${project.root}/cdktf.out`, skipValidation: false });
  const stacks = all.filter((s) => !wanted || wanted.includes(s.name)).map((s) => s.build(app, options.target));
  return { app, stacks };
}
