import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loaderMessages as m } from "../../platform/src/loading/loader-messages.ts";
import { ADS_DOMAIN, DAILY_IMPRESSIONS_SQL, DECLARE_MODULE, EVENTS_DOMAIN, configSource, domainSource, writeProject } from "../../platform/test/support.ts";
import { BIN } from "./support.ts";

const isResult = (line: string) => line.startsWith("ok:") || / found in \d+ ms$/.test(line);

type Expected = readonly (string | RegExp)[];

const matches = (result: readonly string[], expected: Expected) =>
  result.length === expected.length && expected.every((e, i) => (typeof e === "string" ? result[i] === e : e.test(result[i]!)));

/** A running `baikal check --watch`; its results are the stdout lines up to an ok: or "... found in N ms" line. */
function startWatch(root: string) {
  const child = spawn(process.execPath, [BIN, "check", "--watch"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  let watching = 0;
  let notify: (() => void) | undefined;
  const splitter = (onLine: (line: string) => void) => {
    let pending = "";
    return (chunk: string) => {
      const parts = (pending + chunk).split("\n");
      pending = parts.pop()!;
      parts.forEach(onLine);
      notify?.();
    };
  };
  child.stdout!.setEncoding("utf8").on("data", splitter((line) => lines.push(line)));
  child.stderr!.setEncoding("utf8").on("data", splitter((line) => line.startsWith("watching ") && watching++));
  let consumed = 0;
  /**
   * Waits for a result like `expected`, printed with the watcher watching again. Results before it are the
   * state before the save or a moment of it (an editor's temp file, a folder before its file) and are skipped;
   * a watch that went stale never prints it, and the step fails after `ms` listing what it printed.
   */
  const reaches = async (expected: Expected, ms = 60_000): Promise<string[]> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const all = resultsOf(lines);
      const index = all.findIndex((result, i) => i >= consumed && i < watching && matches(result, expected));
      if (index >= 0) {
        consumed = index + 1;
        return all[index]!;
      }
      if (Date.now() > deadline) throw new Error(`no result like ${JSON.stringify(expected.map(String))}; got ${JSON.stringify(all.slice(consumed))}`);
      await new Promise<void>((resolve) => {
        notify = resolve;
        setTimeout(resolve, 1000);
      });
    }
  };
  return { child, reaches };
}

/** The results in `lines`, each the lines up to and including its ok: or "found in" line. */
function resultsOf(lines: readonly string[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    current.push(line);
    if (isResult(line)) {
      out.push(current);
      current = [];
    }
  }
  return out;
}

const OK: Expected = [/^ok: /];
const okWith = (domains: number, views: number): Expected => [new RegExp(`^ok: ${domains} domains, \\d+ tables, ${views} views, \\d+ stacks checked in \\d+ ms$`)];
const ONE_PROBLEM = /^1 problem found in \d+ ms$/;

/** How editors save: vim and JetBrains' safe write put the text in a new file and rename it over the old one. */
function atomicSave(file: string, text: string): void {
  const temporary = join(dirname(file), `.${Date.now()}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

const VIEW = "domains/ads/views/daily_impressions.sql";

/** A declaration source importing the real declaration API, as writeProject writes it. */
const withDeclareModule = (source: string) => source.replaceAll("@baikal/platform/declare", DECLARE_MODULE);
const BROKEN_SQL = DAILY_IMPRESSIONS_SQL.replace("FROM impressions", "FROM impressionz");

describe("baikal check --watch", () => {
  let child: ChildProcess | undefined;
  afterEach(() => child?.kill());

  const adsProject = () =>
    writeProject({ "baikal.config.ts": configSource(), "domains/ads/domain.ts": domainSource(ADS_DOMAIN), [VIEW]: DAILY_IMPRESSIONS_SQL });
  const BROKEN: Expected = [/^domains\/ads\/views\/daily_impressions\.sql:2:6: .*"impressionz"/, ONE_PROBLEM];

  it("checks again after each in-place save: a broken view, its fix, and a domain.ts change", async () => {
    const root = adsProject();
    const watch = startWatch(root);
    child = watch.child;
    await watch.reaches(okWith(1, 1));

    writeFileSync(join(root, VIEW), BROKEN_SQL);
    await watch.reaches(BROKEN);
    writeFileSync(join(root, VIEW), DAILY_IMPRESSIONS_SQL);
    await watch.reaches(OK);

    // A declaration change is picked up too: the view now declares a column its SQL does not produce.
    const file = join(root, "domains/ads/domain.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace('"name": "impression_count"', '"name": "impressions"'));
    await watch.reaches([
      'domains/ads/domain.ts:58:19: views[0].columns[1].name: column "impressions" is declared but domains/ads/views/daily_impressions.sql does not select it (it selects: dt, impression_count); select it or remove the declaration',
      'domains/ads/views/daily_impressions.sql:1:12: the SELECT produces "impression_count", which views[0] in domains/ads/domain.ts does not declare; add it to the view\'s columns (type "bigint") or remove it from the SELECT',
      /^2 problems found in \d+ ms$/,
    ]);
  }, 180_000);

  it("keeps checking a file after atomic saves (rename over it) and sed -i, the view, domain.ts and baikal.config.ts alike", async () => {
    const root = adsProject();
    const watch = startWatch(root);
    child = watch.child;
    await watch.reaches(OK);

    // Twice each: the bug was that a file saved atomically was never checked again.
    for (let round = 0; round < 2; round++) {
      atomicSave(join(root, VIEW), BROKEN_SQL);
      await watch.reaches(BROKEN);
      atomicSave(join(root, VIEW), DAILY_IMPRESSIONS_SQL);
      await watch.reaches(OK);
    }
    const sed = (expression: string, file: string) => expect(spawnSync("sed", ["-i", expression, join(root, file)]).status).toBe(0);
    sed("s/FROM impressions/FROM impressionz/", VIEW);
    await watch.reaches(BROKEN);
    sed("s/FROM impressionz/FROM impressions/", VIEW);
    await watch.reaches(OK);

    const domain = join(root, "domains/ads/domain.ts");
    const declared = readFileSync(domain, "utf8");
    for (let round = 0; round < 2; round++) {
      atomicSave(domain, declared.replace('"description": "Ads."', '"description": ""'));
      await watch.reaches([/^domains\/ads\/domain\.ts:\d+:\d+: description: /, ONE_PROBLEM]);
      atomicSave(domain, declared);
      await watch.reaches(OK);
    }

    const config = join(root, "baikal.config.ts");
    const organisation = readFileSync(config, "utf8");
    for (let round = 0; round < 2; round++) {
      atomicSave(config, organisation.replace('"accountId": "111111111111"', '"accountId": "1111"'));
      await watch.reaches([/^baikal\.config\.ts:\d+:\d+: environments\.staging\.accountId: /, ONE_PROBLEM]);
      atomicSave(config, organisation);
      await watch.reaches(OK);
    }
  }, 300_000);

  it("sees a file deleted and created again, a new view and a new domain folder", async () => {
    const root = adsProject();
    const watch = startWatch(root);
    child = watch.child;
    await watch.reaches(okWith(1, 1));

    rmSync(join(root, VIEW));
    await watch.reaches([
      'domains/ads/domain.ts:49:15: views[0].name: view "daily_impressions" has no SQL file; create domains/ads/views/daily_impressions.sql with its SELECT, or remove the declaration',
      ONE_PROBLEM,
    ]);
    writeFileSync(join(root, VIEW), DAILY_IMPRESSIONS_SQL);
    await watch.reaches(okWith(1, 1));

    // A new view: its SQL file first (not declared yet), then its declaration.
    writeFileSync(join(root, "domains/ads/views/impressions_again.sql"), DAILY_IMPRESSIONS_SQL);
    await watch.reaches([
      'domains/ads/views/impressions_again.sql:1:1: no view "impressions_again" is declared in domains/ads/domain.ts; add it to views (name, description, columns) or delete the file',
      ONE_PROBLEM,
    ]);
    const declared = JSON.parse(JSON.stringify(ADS_DOMAIN)) as typeof ADS_DOMAIN & { views: { name: string }[] };
    declared.views.push({ ...declared.views[0]!, name: "impressions_again" });
    atomicSave(join(root, "domains/ads/domain.ts"), withDeclareModule(domainSource(declared)));
    await watch.reaches(okWith(1, 2));

    // A new domain folder, written the way `new-domain` or a git checkout would: the folder, then its file.
    mkdirSync(join(root, "domains/web"));
    writeFileSync(join(root, "domains/web/domain.ts"), withDeclareModule(domainSource(EVENTS_DOMAIN)));
    await watch.reaches(okWith(2, 2));
  }, 240_000);

  it("reloads a module a domain.ts imports, and keeps watching when a declaration ends its process", async () => {
    const root = writeProject({
      "baikal.config.ts": configSource(),
      "domains/web/owners.ts": 'export const OWNERS = ["@acme/web"];\n',
      "domains/web/domain.ts": domainSource(EVENTS_DOMAIN)
        .replace('"owners": [\n    "@acme/web"\n  ]', '"owners": OWNERS')
        .replace("\nexport", '\nimport { OWNERS } from "./owners.ts";\nexport'),
    });
    const watch = startWatch(root);
    child = watch.child;
    await watch.reaches(OK);

    atomicSave(join(root, "domains/web/owners.ts"), "export const OWNERS: string[] = [];\n");
    await watch.reaches([/^domains\/web\/domain\.ts:\d+:\d+: owners: name at least one owner/, ONE_PROBLEM]);
    atomicSave(join(root, "domains/web/owners.ts"), 'process.exit(0);\nexport const OWNERS = ["@acme/web"];\n');
    await watch.reaches([`domains/web/domain.ts: ${m.exitedEarly(0)}`, ONE_PROBLEM]);
    atomicSave(join(root, "domains/web/owners.ts"), 'export const OWNERS = ["@acme/web"];\n');
    await watch.reaches(OK);
  }, 180_000);
});
