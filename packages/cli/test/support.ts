import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const BIN = resolve(REPO_ROOT, "packages/cli/bin/baikal.js");

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `baikal` executable in `cwd`, as a user or CI would. */
export function baikal(args: readonly string[], cwd: string = REPO_ROOT, env: NodeJS.ProcessEnv = {}): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 900_000,
  });
  return { code: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
}
