import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { measure } from "./measure.ts";
import { type CheckRun, examplesCheck, formatChecks } from "./examples-check.ts";
import { watchRecheck } from "./watch-recheck.ts";
import { type OrganisationSize, writeSyntheticOrganisation } from "./synthetic-organisation.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPOSITORY = resolve(HERE, "../..");
const CLI = resolve(HERE, "../../packages/cli/bin/baikal.js");
const NAIVE = resolve(HERE, "../bin/naive-synth.js");

export interface SizeResult {
  readonly domains: number;
  readonly views: number;
  readonly viewShape: string;
  readonly meanViewBytes: number;
  readonly checkColdMs: number;
  /** A new `baikal check` process after one view changed, with the cache the cold check left. */
  readonly checkWarmOneChangeMs: number;
  /** `baikal check --watch`: from saving one changed view to the recheck's result. */
  readonly watchRecheckMs: number;
  readonly synthFullMs: number;
  readonly naiveSynthMs: number;
  readonly affectedPlanMs: number;
  readonly peakRssMb: number;
}

const SIZES: readonly OrganisationSize[] = [
  // 80 views as teams write them (2-7 KB, CTEs, CASE ladders), then short views at two sizes of organisation.
  { domains: 5, tablesPerDomain: 20, viewsPerDomain: 16, viewShape: "realistic" },
  { domains: 10, tablesPerDomain: 20, viewsPerDomain: 17 },
  { domains: 300, tablesPerDomain: 20, viewsPerDomain: 17 },
];

async function benchmark(size: OrganisationSize, log: (line: string) => void): Promise<SizeResult> {
  const org = writeSyntheticOrganisation(size);
  log(`${size.domains} domains, ${org.views} ${size.viewShape ?? "short"} views (mean ${org.meanViewBytes} bytes) in ${org.root}`);
  const node = process.execPath;
  const outdir = () => mkdtempSync(join(tmpdir(), "baikal-bench-out-"));

  // A git repository, so the affected path can compare the pull request with its base like CI does.
  for (const args of [["init", "-q"], ["add", "-A"], ["-c", "user.email=bench@example.com", "-c", "user.name=bench", "commit", "-qm", "base"]]) {
    measure("git", args, org.root);
  }
  // Cold: no view-analysis cache yet (it lives in node_modules/.cache/baikal, created by this check).
  const cold = measure(node, [CLI, "check"], org.root);
  log(`  check (cold)            ${cold.ms} ms`);
  // The one-view pull request: a new predicate in one view of one domain.
  const edit = (sql: string) => sql.replace("WHERE a.flag", "WHERE a.flag AND a.qty > 0");
  const watch = await watchRecheck(CLI, org.root, org.changedView, edit);
  log(`  check --watch, one view changed ${watch} ms`);
  writeFileSync(org.changedView, edit(readFileSync(org.changedView, "utf8")));
  const warm = measure(node, [CLI, "check"], org.root);
  log(`  check (new process, one view changed) ${warm.ms} ms`);
  const synth = measure(node, [CLI, "synth", "--outdir", outdir()], org.root);
  log(`  synth (all stacks)      ${synth.ms} ms`);
  const naive = measure(node, [NAIVE, org.root, outdir()], org.root);
  log(`  naive cdktf synth       ${naive.ms} ms`);
  const affected = measure(node, [CLI, "plan", "--affected", "--base", "HEAD", "--outdir", outdir()], org.root);
  const planned = affected.stdout.split("\n").filter((line) => line.startsWith("domain-") || line.startsWith("platform-"));
  log(`  affected path: check, fingerprints of base and head, synth and plan of ${planned.length} stacks   ${affected.ms} ms`);
  return {
    domains: size.domains,
    views: org.views,
    viewShape: size.viewShape ?? "short",
    meanViewBytes: org.meanViewBytes,
    checkColdMs: cold.ms,
    checkWarmOneChangeMs: warm.ms,
    watchRecheckMs: watch,
    synthFullMs: synth.ms,
    naiveSynthMs: naive.ms,
    affectedPlanMs: affected.ms,
    peakRssMb: Math.max(cold.peakRssMb, warm.peakRssMb, synth.peakRssMb, naive.peakRssMb, affected.peakRssMb),
  };
}

function table(results: readonly SizeResult[]): string {
  const headers = ["domains", "views", "view shape", "check cold", "check 1 change", "watch recheck", "synth all", "naive synth", "affected plan", "peak RSS"];
  const rows = results.map((r) => [r.domains, r.views, `${r.viewShape} (${(r.meanViewBytes / 1024).toFixed(1)} KB)`, `${r.checkColdMs} ms`, `${r.checkWarmOneChangeMs} ms`, `${r.watchRecheckMs} ms`, `${r.synthFullMs} ms`, `${r.naiveSynthMs} ms`, `${r.affectedPlanMs} ms`, `${r.peakRssMb} MB`].map(String));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(headers), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

/** `pnpm bench [--json FILE] [--sizes 10,300 | --realistic-only | --examples-only]` */
export async function main(args: readonly string[]): Promise<number> {
  const jsonIndex = args.indexOf("--json");
  const jsonFile = jsonIndex >= 0 ? args[jsonIndex + 1] : undefined;
  const sizesIndex = args.indexOf("--sizes");
  const chosen = (): readonly OrganisationSize[] => {
    if (args.includes("--examples-only")) return [];
    if (args.includes("--realistic-only")) return SIZES.filter((s) => s.viewShape === "realistic");
    if (sizesIndex >= 0) return args[sizesIndex + 1]!.split(",").map((d) => ({ ...SIZES[1]!, domains: Number(d) }));
    return SIZES;
  };
  const sizes = chosen();
  console.error("the example domains' check ...");
  const examples: CheckRun[] = examplesCheck(REPOSITORY);
  console.log(formatChecks(examples));
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await benchmark(size, (line) => console.error(line)));
  if (results.length > 0) console.log(`\n${table(results)}`);
  if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify({ examples, sizes: results }, null, 2)}\n`);
  return 0;
}


