import { loadProject, stackNames } from "@baikal/platform/project";

/** `baikal check`: every declaration validated, every problem listed, no Terraform involved. */
export async function checkCommand(): Promise<number> {
  const started = performance.now();
  const project = await loadProject();
  const tables = project.domains.reduce((n, d) => n + (d.tables?.length ?? 0), 0);
  const stacks = stackNames(project).length;
  const ms = Math.round(performance.now() - started);
  console.log(`ok: ${project.domains.length} domains, ${tables} tables, ${project.views.length} views, ${stacks} stacks checked in ${ms} ms`);
  return 0;
}
