import { spawnSync } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { providerMirror } from "@baikal/platform/workspace";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const BIN = resolve(REPO_ROOT, "packages/cli/bin/baikal.js");

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * This checkout's provider mirror (BAIKAL_PROVIDER_MIRROR, or .baikal/local.json as scripts/setup.sh records it):
 * test projects live in other folders, without that file, and plan with the same mirror.
 */
export const MIRROR_ENV: NodeJS.ProcessEnv = (() => {
  const mirror = providerMirror(REPO_ROOT);
  return mirror ? { BAIKAL_PROVIDER_MIRROR: mirror.path } : {};
})();

/** Runs the real `baikal` executable in `cwd`, as a user or CI would. */
export function baikal(args: readonly string[], cwd: string = REPO_ROOT, env: NodeJS.ProcessEnv = {}): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, ...MIRROR_ENV, ...env },
    encoding: "utf8",
    timeout: 900_000,
  });
  return { code: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
}
