import { App } from "../iac/cdktf.ts";
import type { Project } from "../loading/project.ts";
import { stackNames } from "../naming/stack-names.ts";
import type { BaikalStack, DeployTarget } from "../stacks/baikal-stack.ts";
import { DomainStack } from "../stacks/domain-stack.ts";
import { PlatformStack } from "../stacks/platform-stack.ts";

export interface BuildAppOptions {
  readonly target: DeployTarget;
  /** @default "cdktf.out" under the project root */
  readonly outdir?: string;
  /** Build only these stacks. @default - all */
  readonly stacks?: readonly string[];
}

/**
 * An App holding the requested stacks, built lazily so one stack costs one stack. Unknown stack names are
 * an error that lists the known ones.
 */
export function buildApp(project: Project, options: BuildAppOptions): { app: App; stacks: BaikalStack[] } {
  const all = stackNames(project);
  const wanted = options.stacks && options.stacks.length > 0 ? options.stacks : undefined;
  const unknown = (wanted ?? []).filter((name) => !all.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown stack${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; stacks: ${all.map((s) => s.name).join(", ")}`);
  }
  const app = new App({ outdir: options.outdir ?? `${project.root}/cdktf.out` });
  const { organisation, domains } = project;
  const stacks = all
    .filter((s) => !wanted || wanted.includes(s.name))
    .map(({ environment, owner }) =>
      owner === "platform"
        ? new PlatformStack(app, { organisation, environment, target: options.target })
        : new DomainStack(app, { organisation, domain: domains.find((d) => d.name === owner)!, environment, target: options.target }),
    );
  return { app, stacks };
}
