import { loadProject, type Project, stackNames } from "@baikal/platform/project";

export interface CheckOptions {
  /** Keep running and check again after every change under domains/ or to baikal.config.ts. */
  readonly watch?: boolean;
}

const summary = (project: Project, ms: number) => {
  const tables = project.domains.reduce((n, d) => n + (d.tables?.length ?? 0), 0);
  return `ok: ${project.domains.length} domains, ${tables} tables, ${project.views.length} views, ${stackNames(project).length} stacks checked in ${ms} ms`;
};

/** `baikal check`: every declaration validated, every problem listed, no Terraform involved. */
export async function checkCommand(options: CheckOptions = {}): Promise<number> {
  if (options.watch) return (await import("../watch/watch-check.ts")).watchCheck(summary);
  const started = performance.now();
  const project = await loadProject();
  console.log(summary(project, Math.round(performance.now() - started)));
  return 0;
}
