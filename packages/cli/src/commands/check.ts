import { DeclarationError, loadProject, type Project, stackNames } from "@baikal/platform/project";
import { type CheckCounts, type CheckFormat, checkJson, githubAnnotation } from "../report/problem-formats.ts";

export interface CheckOptions {
  /** Keep running and check again after every change under domains/ or to baikal.config.ts. */
  readonly watch?: boolean;
  /** text: one line per problem; json: one document; github: GitHub Actions annotations. @default "text" */
  readonly format?: CheckFormat;
}

const counts = (project: Project, ms: number): CheckCounts => ({
  domains: project.domains.length,
  tables: project.domains.reduce((n, d) => n + (d.tables?.length ?? 0), 0),
  views: project.views.length,
  stacks: stackNames(project).length,
  ms,
});

const summary = (project: Project, ms: number) => {
  const c = counts(project, ms);
  return `ok: ${c.domains} domains, ${c.tables} tables, ${c.views} views, ${c.stacks} stacks checked in ${ms} ms`;
};

/** `baikal check`: every declaration validated, every problem listed, no Terraform involved. */
export async function checkCommand(options: CheckOptions = {}): Promise<number> {
  if (options.watch) return (await import("../watch/watch-check.ts")).watchCheck(summary);
  const started = performance.now();
  const format = options.format ?? "text";
  let project: Project;
  try {
    project = await loadProject();
  } catch (error) {
    if (format === "text" || !(error instanceof DeclarationError)) throw error;
    if (format === "json") process.stdout.write(checkJson({ problems: error.problems }));
    else for (const problem of error.problems) console.log(githubAnnotation(problem));
    console.error(`${error.problems.length} problem${error.problems.length === 1 ? "" : "s"} found; nothing was synthesized.`);
    return 1;
  }
  const ms = Math.round(performance.now() - started);
  if (format === "json") process.stdout.write(checkJson({ counts: counts(project, ms), problems: [] }));
  else console.log(summary(project, ms));
  return 0;
}
