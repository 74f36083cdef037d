import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { synth } from "../commands/synth.ts";
import { type BaseRef, commit7, exportTree, resolveBaseRef } from "./git.ts";
import { linkDependencies } from "./link-dependencies.ts";

/** One stack's `cdk.tf.json`. */
export interface StackJson {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly moved?: readonly { readonly from: string; readonly to: string }[];
  readonly [key: string]: unknown;
}

export type Stacks = ReadonlyMap<string, StackJson>;

const THIS_BIN = resolve(dirname(fileURLToPath(import.meta.url)), "../../bin/baikal.js");

export function readStacks(outdir: string): Map<string, StackJson> {
  const stacks = new Map<string, StackJson>();
  const dir = join(outdir, "stacks");
  if (!existsSync(dir)) return stacks;
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name, "cdk.tf.json");
    if (existsSync(file)) stacks.set(name, JSON.parse(readFileSync(file, "utf8")) as StackJson);
  }
  return stacks;
}

function runSynth(bin: string, cwd: string, outdir: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, "synth", "--target", "offline", "--outdir", outdir], {
      cwd,
      env: { ...process.env, BAIKAL_TARGET: "offline" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const stderr: Buffer[] = [];
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", fail);
    child.on("close", (code) => {
      if (code === 0) done();
      else fail(new Error(Buffer.concat(stderr).toString("utf8").trim()));
    });
  });
}

/**
 * Synthesizes the project as it was at `ref`, offline, into `<work>/base-out`. The base tree is exported
 * into `<work>/base` and given the head's installed dependencies (nothing is installed). When the base
 * contains the Baikal CLI itself (this monorepo), the base's own CLI and platform build it, so a platform
 * change shows up; otherwise (a project that only declares) this checkout's CLI does.
 */
export async function synthesizeBase(projectRoot: string, base: BaseRef, work: string): Promise<Stacks> {
  const ref = base.ref;
  const baseRoot = exportTree(base, join(work, "base"));
  if (!existsSync(join(baseRoot, "baikal.config.ts"))) return new Map();
  linkDependencies(projectRoot, baseRoot);
  const ownBin = join(baseRoot, "packages/cli/bin/baikal.js");
  const outdir = join(work, "base-out");
  try {
    await runSynth(existsSync(ownBin) ? ownBin : THIS_BIN, baseRoot, outdir);
  } catch (error) {
    throw new Error(`the base ${ref} (${commit7(base)}) does not synthesize:\n${(error as Error).message}`);
  }
  return readStacks(outdir);
}

/** Synthesizes the working tree, offline, into `<work>/head-out`. */
export async function synthesizeHead(work: string): Promise<Stacks> {
  const outdir = join(work, "head-out");
  await synth({ stacks: [], target: "offline", outdir });
  return readStacks(outdir);
}

/** Base and head, synthesized side by side: the base in a child process while the head builds here. */
export async function synthesizeBoth(projectRoot: string, ref: string, work: string): Promise<{ base: BaseRef; before: Stacks; after: Stacks }> {
  // A ref that does not exist fails here, before any synthesis.
  const base = resolveBaseRef(projectRoot, ref);
  // The base's child process is spawned before the head's synthesis takes this thread.
  const [before, after] = await Promise.all([synthesizeBase(projectRoot, base, work), synthesizeHead(work)]);
  return { base, before, after };
}
