import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { synth } from "../commands/synth.ts";
import { analysisCacheFile, loadProject, type Project, stackFingerprints, stackNames } from "@baikal/platform/project";
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

/** Runs the base's own `baikal` in the base tree; stdout on success. */
function runBaikal(bin: string, cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      env: { ...process.env, BAIKAL_TARGET: "offline", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", fail);
    child.on("close", (code) => {
      if (code === 0) done(Buffer.concat(stdout).toString("utf8"));
      else fail(new Error(Buffer.concat(stderr).toString("utf8").trim()));
    });
  });
}

/** Base and head side by side. Only the synthesized stacks are in `before` and `after`. */
export interface ComparedTrees {
  readonly base: BaseRef;
  /** The head, loaded and checked once: a plan that follows reuses it. */
  readonly project: Project;
  /** The base's stacks that may differ from the head's, and those the head no longer has. */
  readonly before: Stacks;
  /** The head's stacks that may differ from the base's. */
  readonly after: Stacks;
  /** Stacks with the same fingerprint on both sides: identical, so neither side synthesized them. */
  readonly unchanged: readonly string[];
  /** Every stack of the head, in order, and how many the base has. */
  readonly stacks: { readonly base: number; readonly head: readonly string[] };
}

interface BaseTree {
  readonly root: string;
  readonly bin: string;
}

/**
 * Exports the tree of `base` into `<work>/base` and gives it the head's installed dependencies (nothing is
 * installed). When the base contains the Baikal CLI itself (this monorepo), the base's own CLI and platform
 * build it, so a platform change shows up; otherwise (a project that only declares) this checkout's CLI does.
 * Undefined when the base has no Baikal project yet.
 */
function prepareBase(projectRoot: string, base: BaseRef, work: string): BaseTree | undefined {
  const root = exportTree(base, join(work, "base"));
  if (!existsSync(join(root, "baikal.config.ts"))) return undefined;
  linkDependencies(projectRoot, root);
  const ownBin = join(root, "packages/cli/bin/baikal.js");
  return { root, bin: existsSync(ownBin) ? ownBin : THIS_BIN };
}

const failedBase = (base: BaseRef, error: unknown) =>
  new Error(`the base ${base.ref} (${commit7(base)}) does not synthesize:\n${(error as Error).message}`);

/** Synthesizes `stacks` of the base tree (all of them when undefined), offline, into `<work>/base-out`. */
async function synthesizeBase(tree: BaseTree, base: BaseRef, work: string, stacks?: readonly string[]): Promise<Stacks> {
  if (stacks?.length === 0) return new Map();
  const outdir = join(work, "base-out");
  try {
    await runBaikal(tree.bin, tree.root, ["synth", "--target", "offline", "--outdir", outdir, ...(stacks ?? [])]);
  } catch (error) {
    throw failedBase(base, error);
  }
  return readStacks(outdir);
}

/** Synthesizes `stacks` of the working tree (all when undefined), offline, into `<work>/head-out`. */
async function synthesizeHead(project: Project, work: string, stacks?: readonly string[]): Promise<Stacks> {
  if (stacks?.length === 0) return new Map();
  const outdir = join(work, "head-out");
  await synth({ stacks: stacks ?? [], target: "offline", outdir, contracts: false }, project);
  return readStacks(outdir);
}

/**
 * The base's stack fingerprints, reading the head's view-analysis cache (never writing it: the base may run
 * other code). Undefined when the base's Baikal predates `baikal fingerprints`.
 */
async function baseFingerprints(tree: BaseTree, base: BaseRef, headRoot: string): Promise<Map<string, string> | undefined> {
  const env = { BAIKAL_CACHE: "read-only", BAIKAL_CACHE_FILE: analysisCacheFile(headRoot) };
  let stdout: string;
  try {
    stdout = await runBaikal(tree.bin, tree.root, ["fingerprints"], env);
  } catch (error) {
    if (/unknown command/.test((error as Error).message)) return undefined;
    throw failedBase(base, error);
  }
  return new Map(Object.entries(JSON.parse(stdout) as Record<string, string>));
}

/**
 * Base and head, compared at the cost of what changed: both sides fingerprint every stack (declarations and
 * SQL analysis only, from the cache when warm), and only stacks whose fingerprints differ are synthesized,
 * the base in a child process while the head builds here. A base too old to fingerprint is synthesized in full.
 */
export async function synthesizeBoth(projectRoot: string, ref: string, work: string): Promise<ComparedTrees> {
  // A ref that does not exist fails here, before any synthesis.
  const base = resolveBaseRef(projectRoot, ref);
  const tree = prepareBase(projectRoot, base, work);
  // The base's child process starts before the head loads on this thread.
  const baseReady = tree ? baseFingerprints(tree, base, projectRoot) : undefined;
  baseReady?.catch(() => {}); // awaited below; this only keeps an early failure from counting as unhandled
  const project = await loadProject(projectRoot);
  const headStacks = stackNames(project).map((s) => s.name);
  if (!tree || !baseReady) {
    const after = await synthesizeHead(project, work);
    return { base, project, before: new Map(), after, unchanged: [], stacks: { base: 0, head: headStacks } };
  }
  const head = stackFingerprints(project);
  const before = await baseReady;
  if (!before) {
    const [beforeStacks, after] = await Promise.all([synthesizeBase(tree, base, work), synthesizeHead(project, work)]);
    return { base, project, before: beforeStacks, after, unchanged: [], stacks: { base: beforeStacks.size, head: headStacks } };
  }
  const differing = headStacks.filter((stack) => before.get(stack) !== head.get(stack));
  const gone = [...before.keys()].filter((stack) => !head.has(stack));
  const [beforeStacks, after] = await Promise.all([
    synthesizeBase(tree, base, work, [...differing.filter((stack) => before.has(stack)), ...gone]),
    synthesizeHead(project, work, differing),
  ]);
  return {
    base,
    project,
    before: beforeStacks,
    after,
    unchanged: headStacks.filter((stack) => before.get(stack) === head.get(stack)),
    stacks: { base: before.size, head: headStacks },
  };
}
