import { watch } from "node:fs";
import { join } from "node:path";
import { DeclarationError, findProjectRoot, formatProblem, LoadSession, loadProject, type Project, stackNames } from "@baikal/platform/project";
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
  if (options.watch) return watchCheck();
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

/**
 * `baikal check --watch`: checks, then checks again after each change (debounced), reusing this process's
 * loaded declarations and view analyses, so a one-view edit costs about one view. Runs until interrupted.
 */
async function watchCheck(): Promise<number> {
  const root = findProjectRoot();
  const session = LoadSession.open(root);
  let running = false;
  let again = false;
  let warm = false;
  const check = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const started = performance.now();
    try {
      const project = await loadProject(root, { session });
      console.log(summary(project, Math.round(performance.now() - started)));
      if (!warm) session.warmUp(project);
      warm = true;
    } catch (error) {
      // Whatever fails, the watcher keeps going: the next save may fix it.
      if (!(error instanceof DeclarationError)) console.log(`baikal: ${error instanceof Error ? error.message : String(error)}`);
      else {
        for (const problem of error.problems) console.log(formatProblem(problem));
        console.log(`${error.problems.length} problem${error.problems.length === 1 ? "" : "s"} found in ${Math.round(performance.now() - started)} ms`);
      }
    }
    console.error("watching domains/ and baikal.config.ts (modules they import are not reloaded); Ctrl-C stops");
    running = false;
    if (again) {
      again = false;
      await check();
    }
  };
  // Watching starts first, so that an edit made while the first check runs is checked right after it.
  let timer: NodeJS.Timeout | undefined;
  const changed = (_event: string, file: string | null) => {
    if (file && /(^|\/)(node_modules|cdktf\.out)(\/|$)/.test(file)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void check(), 50);
  };
  watch(join(root, "domains"), { recursive: true }, changed);
  watch(join(root, "baikal.config.ts"), changed);
  await check();
  return new Promise<number>(() => {});
}
