import { type Measured, measure } from "./measure.ts";

/** One way of running the examples' check, with the command a reader types to reproduce it. */
export interface CheckRun {
  readonly command: string;
  /** Fastest of the runs: the figure least disturbed by other load on a shared machine. */
  readonly bestWallMs: number;
  /** CPU (user + system, children included) of that fastest run. */
  readonly cpuMs: number;
  readonly runs: number;
}

/**
 * `baikal check` on the repository's own example domains, the way a domain team runs it: through `pnpm check`
 * and directly through Node, best of `runs` after one warm-up (view cache filled, compiled CLI built).
 */
export function examplesCheck(repositoryRoot: string, runs = 5): CheckRun[] {
  const ways: [string, string, string[]][] = [
    ["pnpm check", "pnpm", ["check"]],
    ["node packages/cli/bin/baikal.js check", process.execPath, ["packages/cli/bin/baikal.js", "check"]],
  ];
  return ways.map(([command, program, args]) => {
    measure(program, args, repositoryRoot);
    const measured: Measured[] = Array.from({ length: runs }, () => measure(program, args, repositoryRoot));
    const best = measured.reduce((a, b) => (b.ms < a.ms ? b : a));
    return { command, bestWallMs: best.ms, cpuMs: best.cpuMs, runs };
  });
}

export function formatChecks(checks: readonly CheckRun[]): string {
  const rows = checks.map((c) => `| \`${c.command}\` | ${(c.bestWallMs / 1000).toFixed(2)} s | ${(c.cpuMs / 1000).toFixed(2)} s |`);
  return [`The example domains' check (best of ${checks[0]?.runs ?? 0}, after a warm-up run):`, "", "| command | wall | CPU (user+sys) |", "|---|---|---|", ...rows].join("\n");
}
