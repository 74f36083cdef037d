import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, realpathSync } from "node:fs";
import { dirname, join, relative } from "node:path";

export interface GitRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function git(args: readonly string[], cwd: string): GitRun {
  const run = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code;
    throw new Error(code === "ENOENT" ? "git is not on PATH; guard and affected compare against a git ref" : run.error.message);
  }
  return { code: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
}

/** A base ref resolved to its commit, and where the project lives inside the repository. */
export interface BaseRef {
  readonly ref: string;
  readonly commit: string;
  /** The repository's top-level folder. */
  readonly gitRoot: string;
  /** The project root relative to `gitRoot` ("" when they are the same). */
  readonly prefix: string;
}

export function resolveBaseRef(projectRoot: string, ref: string): BaseRef {
  const top = git(["rev-parse", "--show-toplevel"], projectRoot);
  if (top.code !== 0) throw new Error(`${projectRoot} is not inside a git repository; guard and affected compare the working tree with a git ref`);
  const gitRoot = realpathSync(top.stdout.trim());
  const commit = git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], projectRoot);
  if (commit.code !== 0 || !commit.stdout.trim()) {
    throw new Error(
      `base ref "${ref}" does not exist in this repository; name a branch, tag or commit that does (in CI, fetch it first: actions/checkout with fetch-depth: 0)`,
    );
  }
  return { ref, commit: commit.stdout.trim(), gitRoot, prefix: relative(gitRoot, realpathSync(projectRoot)) };
}

/**
 * Writes the tree of `base.commit` into `dir` and returns the project root inside it. No worktree is
 * registered in the repository, so nothing is left behind if the process dies. Only the files that differ
 * between the base and the working tree come out of git (`git archive` of those paths); every other file is
 * hard-linked from the working tree (copied across file systems), so a one-view pull request in a large
 * repository costs a handful of archived files rather than the whole tree.
 */
export function exportTree(base: BaseRef, dir: string, maxArchivedPaths = 2000): string {
  mkdirSync(dir, { recursive: true });
  const files = lines(gitOrFail(["ls-tree", "-r", "-z", "--name-only", base.commit], base));
  const changed = new Set(lines(gitOrFail(["diff", "--name-only", "-z", "--no-renames", base.commit], base)));
  // Past a few thousand paths the command line gets long, and most of the tree differs anyway: archive it all.
  const differing = files.filter((file) => changed.has(file) || !existsSync(join(base.gitRoot, file)));
  const fromGit = differing.length > maxArchivedPaths ? files : differing;
  const archived = new Set(fromGit);
  for (const file of files) {
    const from = join(base.gitRoot, file);
    // A submodule is a folder in the working tree: nothing of it is needed to synthesize.
    if (archived.has(file) || lstatSync(from).isDirectory()) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    try {
      linkSync(from, join(dir, file));
    } catch {
      copyFileSync(from, join(dir, file));
    }
  }
  if (fromGit.length > 0) {
    const tar = join(dir, "..", `${commit7(base)}.tar`);
    const paths = fromGit === files ? [] : ["--", ...fromGit];
    const archive = git(["--literal-pathspecs", "archive", "--format=tar", "-o", tar, base.commit, ...paths], base.gitRoot);
    if (archive.code !== 0) throw new Error(`git archive ${base.commit} failed: ${archive.stderr.trim()}`);
    const extract = spawnSync("tar", ["-xf", tar, "-C", dir], { encoding: "utf8" });
    if (extract.status !== 0) throw new Error(`could not unpack ${base.ref}: ${extract.stderr.trim()}`);
  }
  return join(dir, base.prefix);
}

function gitOrFail(args: readonly string[], base: BaseRef): string {
  const run = git(args, base.gitRoot);
  if (run.code !== 0) throw new Error(`git ${args[0]} ${base.commit} failed: ${run.stderr.trim()}`);
  return run.stdout;
}

const lines = (nulSeparated: string) => nulSeparated.split("\0").filter(Boolean);

export const commit7 = (base: BaseRef): string => base.commit.slice(0, 7);
