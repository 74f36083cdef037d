import { join, relative, sep } from "node:path";
import { DeclarationError, findProjectRoot, formatProblem, LoadSession, loadProject, type Project } from "@baikal/platform/project";

/** Folders never worth a recheck: installs, build output, git's own files. */
const NEVER = /(^|[\\/])(node_modules|cdktf\.out|\.git)([\\/]|$)/;

/** Saves come in bursts (an editor's temp file, the rename, a formatter); one check after the burst is enough. */
const DEBOUNCE_MS = 50;

/**
 * `baikal check --watch`: checks, then checks again after each change, reusing this process's evaluated
 * declarations and view analyses, so a one-view edit costs about one view. Runs until interrupted.
 *
 * Watching is chokidar's: it watches each folder (not each file's inode, which an atomic save by vim,
 * JetBrains' safe write or `sed -i` replaces), picks up new files and folders, and survives a file being
 * deleted and created again. Chosen over @parcel/watcher because it is plain JavaScript: no native addon to
 * download or build per platform (the workspace allows esbuild's alone), and a few hundred folders are
 * well within what per-folder watching handles. It watches `domains/`, `baikal.config.ts` and every module a declaration
 * imports; what a change means is decided by the load session, which compares each declaration's sources on
 * disk with what it last evaluated, so a change it did not see an event for is still found on the next check.
 */
export async function watchCheck(summary: (project: Project, ms: number) => string): Promise<number> {
  const root = findProjectRoot();
  const session = LoadSession.open(root);
  const { watch } = await import("chokidar");
  const watched = new Set([join(root, "domains"), join(root, "baikal.config.ts")]);
  const watcher = watch([...watched], {
    ignoreInitial: true,
    ignored: (path: string) => NEVER.test(relative(root, path)),
  });
  const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));

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
      if (!warm) void session.warmUp(project);
      warm = true;
    } catch (error) {
      // Whatever fails, the watcher keeps going: the next save may fix it.
      if (!(error instanceof DeclarationError)) console.log(`baikal: ${error instanceof Error ? error.message : String(error)}`);
      else {
        for (const problem of error.problems) console.log(formatProblem(problem));
        console.log(`${error.problems.length} problem${error.problems.length === 1 ? "" : "s"} found in ${Math.round(performance.now() - started)} ms`);
      }
    }
    // Modules a declaration imports from outside domains/ are watched too, once known.
    const imported = session.sourceFiles().filter((file) => !watched.has(file) && !file.startsWith(join(root, "domains") + sep) && !NEVER.test(file));
    for (const file of imported) watched.add(file);
    if (imported.length > 0) watcher.add(imported);
    await ready;
    console.error("watching domains/, baikal.config.ts and the modules they import; Ctrl-C stops");
    running = false;
    if (again) {
      again = false;
      await check();
    }
  };
  let timer: NodeJS.Timeout | undefined;
  watcher.on("all", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void check(), DEBOUNCE_MS);
  });
  // An edit made while the first check runs is checked right after it.
  await check();
  return new Promise<number>(() => {});
}
