import { spawnSync } from "node:child_process";
import { mkdirSync, realpathSync } from "node:fs";
import { join, relative } from "node:path";

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
 * Writes the tree of `base.commit` into `dir` with `git archive`: no worktree is registered in the repository,
 * so nothing is left behind if the process dies. Returns the project root inside `dir`.
 */
export function exportTree(base: BaseRef, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const tar = join(dir, "..", `${commit7(base)}.tar`);
  const archive = git(["archive", "--format=tar", "-o", tar, base.commit], base.gitRoot);
  if (archive.code !== 0) throw new Error(`git archive ${base.commit} failed: ${archive.stderr.trim()}`);
  const extract = spawnSync("tar", ["-xf", tar, "-C", dir], { encoding: "utf8" });
  if (extract.status !== 0) throw new Error(`could not unpack ${base.ref}: ${extract.stderr.trim()}`);
  return join(dir, base.prefix);
}

export const commit7 = (base: BaseRef): string => base.commit.slice(0, 7);
