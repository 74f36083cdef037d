import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { linkDependencies } from "../src/guard/link-dependencies.ts";
import { DECLARE_MODULE, writeProject } from "../../platform/test/support.ts";
import { REPO_ROOT } from "./support.ts";

const GIT_ENV = {
  GIT_AUTHOR_NAME: "Baikal Test",
  GIT_AUTHOR_EMAIL: "test@example.com",
  GIT_COMMITTER_NAME: "Baikal Test",
  GIT_COMMITTER_EMAIL: "test@example.com",
};

export function runGit(root: string, args: readonly string[]): string {
  const run = spawnSync("git", args, { cwd: root, encoding: "utf8", env: { ...process.env, ...GIT_ENV } });
  if (run.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout.trim();
}

/** Commits every file of the working tree and returns the commit. */
export function commitAll(root: string, message = "change"): string {
  runGit(root, ["add", "-A"]);
  runGit(root, ["commit", "-q", "--no-gpg-sign", "-m", message]);
  return runGit(root, ["rev-parse", "HEAD"]);
}

/** A throwaway git repository holding `files` (see writeProject), committed once on branch main. */
export function gitProject(files: Record<string, string>): string {
  const root = writeProject(files);
  runGit(root, ["init", "-q", "-b", "main"]);
  commitAll(root, "base");
  return root;
}

/**
 * A throwaway git repository holding a copy of this monorepo's sources (platform, CLI, example domains),
 * with this checkout's installed dependencies linked in: a platform change can then be made and guarded.
 */
export function monorepoCopy(): string {
  const root = mkdtempSync(join(tmpdir(), "baikal-monorepo-"));
  const skip = (path: string) => /(^|\/)(node_modules|cdktf\.out|\.git|coverage)(\/|$)/.test(path);
  for (const entry of ["baikal.config.ts", "package.json", "tsconfig.json", "tsconfig.base.json", "packages", "domains"]) {
    cpSync(join(REPO_ROOT, entry), join(root, entry), { recursive: true, filter: (src) => !skip(src.slice(REPO_ROOT.length)) });
  }
  runGit(root, ["init", "-q", "-b", "main"]);
  commitAll(root, "base");
  linkDependencies(REPO_ROOT, root);
  return root;
}

/**
 * Like monorepoCopy, but with these files (a fixture organisation, importing "@baikal/platform/declare") in place
 * of the example organisation: a platform change guarded on a small organisation synthesizes little.
 */
export function platformCopy(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "baikal-platform-"));
  const skip = (path: string) => /(^|\/)(node_modules|cdktf\.out|\.git|coverage)(\/|$)/.test(path);
  for (const entry of ["package.json", "tsconfig.json", "tsconfig.base.json", "packages"]) {
    cpSync(join(REPO_ROOT, entry), join(root, entry), { recursive: true, filter: (src) => !skip(src.slice(REPO_ROOT.length)) });
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  runGit(root, ["init", "-q", "-b", "main"]);
  commitAll(root, "base");
  linkDependencies(REPO_ROOT, root);
  return root;
}

export function editFile(root: string, path: string, from: string, to: string): void {
  const file = join(root, path);
  const text = readFileSync(file, "utf8");
  if (!text.includes(from)) throw new Error(`${path} does not contain ${from}`);
  writeFileSync(file, text.replace(from, to));
}

/** Writes a declaration file the way writeProject does (importing the real declaration API). */
export function writeSource(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text.replaceAll("@baikal/platform/declare", DECLARE_MODULE));
}
