/**
 * Reads Trino's documentation sources from a checkout or a bare git directory (at a ref), so the generator runs
 * against exactly the release it names.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

export interface TrinoSource {
  /** The release version from the root pom.xml at that ref ("461"), or the ref itself when it has none. */
  readonly release: string;
  /** The commit the files were read from, when the source is a git repository. */
  readonly commit?: string;
  readFile(path: string): string;
  listFiles(folder: string): string[];
}

export const DOCS_FOLDER = "docs/src/main/sphinx";

function git(gitDir: string, args: string[]): string {
  return execFileSync("git", [`--git-dir=${gitDir}`, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

function isBareGitDir(path: string): boolean {
  return existsSync(join(path, "HEAD")) && existsSync(join(path, "objects")) && !existsSync(join(path, ".git"));
}

function releaseOf(pom: string, fallback: string): string {
  // The project's own <version> follows the <parent> block.
  const afterParent = pom.replace(/<parent>[\s\S]*?<\/parent>/, "");
  return /<version>([^<]+)<\/version>/.exec(afterParent)?.[1] ?? fallback;
}

/**
 * `path` is a Trino checkout or git directory. With a ref, files are read from git at that ref (a tag such as
 * "461" or a commit); without one, a checkout is read from disk and a git directory at HEAD.
 */
export function openTrinoSource(path: string, ref?: string): TrinoSource {
  const checkoutGit = join(path, ".git");
  const gitDir = isBareGitDir(path) ? path : ref !== undefined && existsSync(checkoutGit) ? checkoutGit : undefined;
  if (!existsSync(join(path, DOCS_FOLDER)) && gitDir === undefined) {
    throw new Error(`${path}: neither a Trino checkout (no ${DOCS_FOLDER}/) nor a git directory`);
  }
  if (gitDir !== undefined) {
    const at = ref ?? "HEAD";
    let commit: string;
    try {
      commit = git(gitDir, ["rev-parse", "--verify", `${at}^{commit}`]).trim();
    } catch {
      throw new Error(`${gitDir}: ref "${at}" does not name a commit; give a tag such as 461 or a commit hash`);
    }
    const source: TrinoSource = {
      release: releaseOf(git(gitDir, ["show", `${commit}:pom.xml`]), at),
      commit,
      readFile: (file) => git(gitDir, ["show", `${commit}:${file}`]),
      listFiles: (folder) =>
        git(gitDir, ["ls-tree", "--name-only", `${commit}`, `${folder.replace(/\/$/, "")}/`])
          .split("\n")
          .filter((line) => line !== "")
          .map((line) => line.slice(folder.replace(/\/$/, "").length + 1)),
    };
    return source;
  }
  return {
    release: releaseOf(readFileSync(join(path, "pom.xml"), "utf8"), "working tree"),
    readFile: (file) => readFileSync(join(path, file), "utf8"),
    listFiles: (folder) => readdirSync(join(path, folder)),
  };
}
