/**
 * What `baikal` loads when it starts: the compiled CLI (rebuilt when a source changes, never stale), and only
 * the modules a command needs. Times are measured in `pnpm bench` and the README, not here.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EVENTS_DOMAIN, configSource, domainSource, writeProject } from "../../platform/test/support.ts";
import { editFile, monorepoCopy } from "./git-support.ts";
import { BIN } from "./support.ts";

/** Runs `node [--import tracer] <bin> args` in `cwd`; `loaded` lists every module URL Node loaded. */
function traced(bin: string, args: readonly string[], cwd: string): { code: number | null; stdout: string; stderr: string; loaded: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "baikal-trace-"));
  const log = join(dir, "loaded.txt");
  writeFileSync(join(dir, "hooks.mjs"), `import { appendFileSync } from "node:fs";\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + "\\n"); return next(url, context); }\n`);
  writeFileSync(join(dir, "register.mjs"), 'import { register } from "node:module";\nregister("./hooks.mjs", import.meta.url);\n');
  writeFileSync(log, "");
  const run = spawnSync(process.execPath, ["--import", join(dir, "register.mjs"), bin, ...args], { cwd, encoding: "utf8", timeout: 600_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, loaded: readFileSync(log, "utf8").split("\n").filter(Boolean) };
}

const curated = (name: string) => ({
  name,
  description: `${name}.`,
  zone: "curated",
  format: "parquet",
  columns: [
    { name: "user_id", type: "bigint", description: "User." },
    { name: "view_count", type: "bigint", description: "Views." },
  ],
  partitionKeys: [{ name: "dt", description: "Day.", projection: { type: "date", format: "yyyy-MM-dd", range: ["2024-01-01", "NOW"] } }],
});

/** A view, a transform with a data test, and a row filter: every kind of SQL a check analyses. */
const WITH_EVERY_SQL = {
  ...EVENTS_DOMAIN,
  tables: [{ ...EVENTS_DOMAIN.tables![0]!, rowFilters: [{ name: "known", expression: "user_id > 0" }] }, curated("daily_users")],
  views: [{ name: "daily_views", description: "Views per day.", columns: [{ name: "dt", type: "string", description: "Day." }, { name: "n", type: "bigint", description: "Views." }] }],
  transforms: [
    {
      name: "daily_users",
      description: "Views per user and day.",
      target: "daily_users",
      mode: "incremental",
      schedule: { expression: "cron(0 4 * * ? *)", timezone: "UTC" },
      tests: [{ type: "not_null", column: "user_id" }],
    },
  ],
};

const loads = (loaded: readonly string[], pattern: RegExp) => loaded.some((url) => pattern.test(url));
const SQL_ANALYSER = /\/(antlr4ng|dt-sql-parser)\//;
const CDKTF = /\/(cdktf|@cdktf\/provider-aws|constructs)\//;
const AWS_SDK = /\/@aws-sdk\//;

describe("start-up", () => {
  it("loads the SQL analyser only when some SQL is not cached, and cdktf and the AWS SDK never for a check", () => {
    const root = writeProject({
      "baikal.config.ts": configSource(),
      "domains/web/domain.ts": domainSource(WITH_EVERY_SQL),
      "domains/web/views/daily_views.sql": "SELECT dt, count(*) AS n\nFROM page_views\nGROUP BY dt\n",
      "domains/web/transforms/daily_users.sql": "SELECT user_id, count(*) AS view_count, dt\nFROM page_views\nWHERE dt = {{ run_date }}\nGROUP BY user_id, dt\n",
    });
    const cold = traced(BIN, ["check"], root);
    expect(cold.stderr).toBe("");
    expect(cold.stdout).toMatch(/^ok: 1 domains, 2 tables, 1 views, /);
    expect(loads(cold.loaded, SQL_ANALYSER)).toBe(true);

    const warm = traced(BIN, ["check"], root);
    expect(warm.stdout).toMatch(/^ok: 1 domains, 2 tables, 1 views, /);
    expect([SQL_ANALYSER, CDKTF, AWS_SDK].map((pattern) => loads(warm.loaded, pattern))).toEqual([false, false, false]);

    // The control: synthesizing does load cdktf.
    const synth = traced(BIN, ["synth", "--outdir", mkdtempSync(join(tmpdir(), "baikal-out-"))], root);
    expect(synth.code).toBe(0);
    expect(loads(synth.loaded, CDKTF)).toBe(true);
  }, 300_000);

  it("runs the compiled CLI, rebuilt after a source changes and not after a touch", () => {
    const root = monorepoCopy();
    // The copy's own cache, not the linked one of this checkout.
    const cache = join(root, "packages/cli/node_modules/.cache");
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache);
    const builds = () => readdirSync(join(cache, "baikal-cli", readdirSync(join(cache, "baikal-cli"))[0]!)).filter((entry) => entry.startsWith("build-"));
    const bin = join(root, "packages/cli/bin/baikal.js");

    const first = traced(bin, ["check"], root);
    expect(first.stdout).toMatch(/^ok: /);
    expect(first.loaded.filter((url) => url.endsWith("/main.mjs"))).toHaveLength(1);
    expect(loads(first.loaded, /\/packages\/cli\/src\/.*\.ts$/)).toBe(false);
    const built = builds();
    expect(built).toHaveLength(1);

    // Touched, same content: the same build.
    const check = join(root, "packages/cli/src/commands/check.ts");
    utimesSync(check, new Date(), new Date(Date.now() + 5000));
    expect(traced(bin, ["check"], root).stdout).toMatch(/^ok: /);
    expect(builds()).toEqual(built);

    // Edited: the next run runs the edit.
    editFile(root, "packages/cli/src/commands/check.ts", "return `ok: ${", "return `all good: ${");
    expect(traced(bin, ["check"], root).stdout).toMatch(/^all good: /);
    expect(builds()).toHaveLength(2);
  }, 300_000);
});
