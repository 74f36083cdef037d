import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export interface Measured {
  readonly ms: number;
  /** CPU time (user + system) of the command and its children, from GNU time; 0 without it. */
  readonly cpuMs: number;
  readonly peakRssMb: number;
  readonly stdout: string;
  readonly stderr: string;
}

const TIME = "/usr/bin/time";

/**
 * Runs a command in its own process and measures wall time and peak RSS (from GNU time, which reads the
 * kernel's rusage of the child). A failing command fails the benchmark: numbers for a broken run mean nothing.
 */
export function measure(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Measured {
  const timed = existsSync(TIME);
  const started = performance.now();
  const run = spawnSync(timed ? TIME : command, timed ? ["-f", "BAIKAL_BENCH_RSS_KB=%M CPU_S=%U+%S", command, ...args] : [...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  const rss = /BAIKAL_BENCH_RSS_KB=(\d+)/.exec(run.stderr ?? "");
  const cpu = /CPU_S=([\d.]+)\+([\d.]+)/.exec(run.stderr ?? "");
  if (run.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd} (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  return { ms: Math.round(ms), cpuMs: cpu ? Math.round((Number(cpu[1]) + Number(cpu[2])) * 1000) : 0, peakRssMb: rss ? Math.round(Number(rss[1]) / 1024) : 0, stdout: run.stdout, stderr: run.stderr };
}
