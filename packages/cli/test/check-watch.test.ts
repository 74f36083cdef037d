import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ADS_DOMAIN, DAILY_IMPRESSIONS_SQL, configSource, domainSource, writeProject } from "../../platform/test/support.ts";
import { BIN } from "./support.ts";

/** A running `baikal check --watch` whose result lines (ok / problems / problem lines) arrive in order. */
function startWatch(root: string) {
  const child = spawn(process.execPath, [BIN, "check", "--watch"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  let waiting: { count: number; resolve: () => void } | undefined;
  let pending = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    const parts = (pending + chunk).split("\n");
    pending = parts.pop()!;
    lines.push(...parts);
    if (waiting && results() >= waiting.count) waiting.resolve();
  });
  const results = () => lines.filter((l) => l.startsWith("ok:") || / found in \d+ ms$/.test(l)).length;
  /** Resolves with the lines of result number `n` (1-based) once it is printed. */
  const result = async (n: number): Promise<string[]> => {
    if (results() < n) await new Promise<void>((resolve) => (waiting = { count: n, resolve }));
    const ends = lines.map((l, i) => (l.startsWith("ok:") || / found in \d+ ms$/.test(l) ? i : -1)).filter((i) => i >= 0);
    return lines.slice(n === 1 ? 0 : ends[n - 2]! + 1, ends[n - 1]! + 1);
  };
  return { child, result };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 1500)); // the watcher starts watching asynchronously

describe("baikal check --watch", () => {
  let child: ChildProcess | undefined;
  afterEach(() => child?.kill());

  it("checks again after each save: a broken view, its fix, and a domain.ts change", async () => {
    const root = writeProject({
      "baikal.config.ts": configSource(),
      "domains/ads/domain.ts": domainSource(ADS_DOMAIN),
      "domains/ads/views/daily_impressions.sql": DAILY_IMPRESSIONS_SQL,
    });
    const watch = startWatch(root);
    child = watch.child;
    expect(await watch.result(1)).toEqual([expect.stringMatching(/^ok: 1 domains, 1 tables, 1 views, \d+ stacks checked in \d+ ms$/)]);
    await settle();

    const view = join(root, "domains/ads/views/daily_impressions.sql");
    writeFileSync(view, DAILY_IMPRESSIONS_SQL.replace("FROM impressions", "FROM impressionz"));
    const broken = await watch.result(2);
    expect(broken[0]).toMatch(/^domains\/ads\/views\/daily_impressions\.sql:2:6: .*"impressionz"/);
    expect(broken.at(-1)).toMatch(/^1 problem found in \d+ ms$/);

    writeFileSync(view, DAILY_IMPRESSIONS_SQL);
    expect(await watch.result(3)).toEqual([expect.stringMatching(/^ok: /)]);

    // A declaration change is picked up too: the view now declares a column its SQL does not produce.
    const file = join(root, "domains/ads/domain.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace('"name": "impression_count"', '"name": "impressions"'));
    const mismatch = await watch.result(4);
    expect(mismatch.join("\n")).toMatch(/domains\/ads\/.*impression/);
    expect(mismatch.at(-1)).toMatch(/problems? found in \d+ ms$/);
  }, 60_000);
});
