import { formatRedashConfig, loadProject, redashConfig } from "@baikal/platform/project";

export interface RedashConfigOptions {
  /** Only this environment. @default - every environment */
  readonly environment?: string;
}

/** `baikal redash-config [--env <env>]`: the values to paste into Redash's Athena data source. */
export async function redashConfigCommand(options: RedashConfigOptions): Promise<number> {
  const project = await loadProject();
  const known = Object.keys(project.organisation.environments);
  if (options.environment !== undefined && !known.includes(options.environment)) {
    throw new Error(`unknown environment "${options.environment}"; environments: ${known.join(", ")}`);
  }
  const envs = options.environment === undefined ? known : [options.environment];
  process.stdout.write(envs.map((env) => formatRedashConfig(redashConfig(project, env))).join("\n"));
  return 0;
}
