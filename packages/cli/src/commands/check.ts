import { watch } from "node:fs";
import { join } from "node:path";
import { DeclarationError, findProjectRoot, formatProblem, LoadSession, loadProject, type Project, stackNames } from "@baikal/platform/project";
import { reportRules } from "../preflight/report-rules.ts";

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
  if (options.watch) return watchCheck();
  const started = performance.now();
  const project = await loadProject();
  console.log(summary(project, Math.round(performance.now() - started)));
  return (await checkPreflightRules(project)) ? 1 : 0;
}

/**
 * Baikal's rules over the synthesized stacks (loaded only now: synthesis needs cdktf). Only stacks whose fingerprint
 * changed since the last check are synthesized, in memory. Returns whether anything fails the check.
 */
async function checkPreflightRules(project: Project): Promise<boolean> {
  const started = performance.now();
  const { checkRules, RULES } = await import("@baikal/platform/preflight");
  const result = await checkRules(project);
  const failed = await reportRules(result, (line) => console.log(line));
  const suppressed = result.suppressed.length > 0 ? `, ${result.suppressed.length} suppressed` : "";
  const findings = result.findings.length === 0 ? "no findings" : `${result.findings.length} finding${result.findings.length === 1 ? "" : "s"}`;
  console.log(
    `preflight: ${RULES.length} rules over ${result.stacks} stacks (${result.synthesized} synthesized, ${result.stacks - result.synthesized} unchanged): ${findings}${suppressed} in ${Math.round(performance.now() - started)} ms`,
  );
  return failed;
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
