/**
 * Synthesizes a project's stacks into `<outdir>/stacks/<stack>/`, spread over worker threads when there are
 * many. Stacks are independent (they share names through configuration, never through references), so each
 * thread builds its own App for its share. Most of a large synth is cdktf resolving tokens, all CPU, so two
 * cores nearly halve it. Platform and consumer stacks stay on this thread: the platform stacks need the
 * cost monitor's bundle, built once here.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Project } from "../loading/project.ts";
import type { DeployTarget } from "../stacks/deploy-target.ts";
import { buildApp, selectStacks } from "./build-app.ts";
import type { SynthShard } from "./synth-worker.ts";
import { needsSheetsExporter } from "../exports/domain-exports.ts";
import { prepareSheetsExporterAssets } from "../exports/prepare-sheets-exporter-assets.ts";

export interface SynthesizeOptions {
  readonly target: DeployTarget;
  readonly outdir: string;
  /** Only these stacks. @default all */
  readonly stacks?: readonly string[];
  /** Worker threads besides this one. @default one fewer than the machine's cores; none for fewer than `minStacksForWorkers` */
  readonly workers?: number;
  /** @default 60 */
  readonly minStacksForWorkers?: number;
}

const WORKER_ENTRY = new URL("./synth-worker-entry.js", import.meta.url);

/** The names of the stacks written, in the project's order. */
export async function synthesizeProject(project: Project, options: SynthesizeOptions): Promise<string[]> {
  const selected = selectStacks(project, options.stacks);
  const domainStacks = selected.filter((s) => s.owner !== "platform" && s.owner !== "consumer").map((s) => s.name);
  const workerCount = domainStacks.length < (options.minStacksForWorkers ?? 60) ? 0 : (options.workers ?? defaultWorkers());
  if (workerCount <= 0) {
    const { app } = await buildApp(project, { target: options.target, outdir: options.outdir, stacks: selected.map((s) => s.name) });
    app.synth();
    return selected.map((s) => s.name);
  }

  // Round robin over domain stacks: neighbours in the list have similar sizes, so shares come out even.
  const shares = Array.from({ length: workerCount + 1 }, () => [] as string[]);
  domainStacks.forEach((name, index) => shares[index % shares.length]!.push(name));
  const own = [...selected.filter((s) => !domainStacks.includes(s.name)).map((s) => s.name), ...shares[0]!];
  const shardRoot = join(options.outdir, ".synth-shards");
  rmSync(shardRoot, { recursive: true, force: true });
  // Bundled once here rather than once per thread; every stack zips the same folder.
  const owners = new Set(selected.filter((s) => domainStacks.includes(s.name)).map((s) => s.owner));
  const sheetsExporterAssets = needsSheetsExporter(project.domains.filter((d) => owners.has(d.name))) ? await prepareSheetsExporterAssets(options.outdir) : undefined;
  const shards = shares
    .slice(1)
    .map((stacks, index): SynthShard => ({ project, target: options.target, outdir: join(shardRoot, String(index)), stacks, sheetsExporterAssets }));
  for (const shard of shards) mkdirSync(shard.outdir, { recursive: true });
  try {
    const working = shards.map(runShard);
    const { app } = await buildApp(project, { target: options.target, outdir: options.outdir, stacks: own, sheetsExporterAssets });
    app.synth();
    await Promise.all(working);
    mergeShards(options.outdir, shards.map((s) => s.outdir));
  } finally {
    rmSync(shardRoot, { recursive: true, force: true });
  }
  return selected.map((s) => s.name);
}

function runShard(shard: SynthShard): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_ENTRY, { workerData: shard });
    worker.on("message", () => resolve());
    worker.on("error", reject);
    worker.on("exit", (code) => reject(new Error(`a synth worker stopped (exit code ${code}) before writing ${shard.stacks.join(", ")}`)));
  });
}

interface Manifest {
  readonly stacks: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/** Moves each shard's stack folders into `outdir/stacks` and lists every stack in one `manifest.json`, as one App would. */
function mergeShards(outdir: string, shardDirs: readonly string[]): void {
  const manifestFile = join(outdir, "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  const stacks = { ...manifest.stacks };
  mkdirSync(join(outdir, "stacks"), { recursive: true });
  for (const dir of shardDirs) {
    const shardManifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
    for (const name of Object.keys(shardManifest.stacks)) {
      // Entry by entry, as one App writes: Terraform's working files in the folder (.terraform, lock file, saved plans) stay.
      const target = join(outdir, "stacks", name);
      const written = join(dir, "stacks", name);
      mkdirSync(target, { recursive: true });
      for (const entry of readdirSync(written)) {
        rmSync(join(target, entry), { recursive: true, force: true });
        renameSync(join(written, entry), join(target, entry));
      }
      stacks[name] = shardManifest.stacks[name];
    }
  }
  const sorted = Object.fromEntries(Object.keys(stacks).sort().map((name) => [name, stacks[name]]));
  writeFileSync(manifestFile, `${JSON.stringify({ ...manifest, stacks: sorted }, null, 2)}\n`);
}

/** One thread per core beyond this one; `BAIKAL_WORKERS` overrides (0 keeps everything on this thread). */
function defaultWorkers(): number {
  const fromEnv = process.env.BAIKAL_WORKERS;
  return fromEnv !== undefined && /^\d+$/.test(fromEnv) ? Number(fromEnv) : availableParallelism() - 1;
}
