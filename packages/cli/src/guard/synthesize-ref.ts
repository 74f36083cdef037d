import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { synth } from "../commands/synth.ts";
import { analysisCacheFile, declarationEnvironment, loadProject, type Project, stackFingerprints, stackNames } from "@baikal/platform/project";
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

/**
 * The base's Baikal synthesizes offline and runs the base's declarations, possibly with an older loader
 * that evaluates them in its own process: it gets no credentials or secrets either.
 */
const baseEnvironment = (env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ ...declarationEnvironment(), BAIKAL_TARGET: "offline", ...env });

/** Runs the base's own `baikal` in the base tree; stdout on success. */
function runBaikal(bin: string, cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      env: baseEnvironment(env),
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
  await synth({ stacks: stacks ?? [], target: "offline", outdir, contracts: false, terraformFolders: false, rules: false }, project);
  return readStacks(outdir);
}

/**
 * One child process in the base tree, with the base's Baikal: `baikal fingerprints --synth-into <dir>` prints
 * the base's fingerprints, then synthesizes the stacks named on its stdin, so the base is loaded once. It reads
 * the head's view-analysis cache and never writes it (the base may run other code).
 */
class BaseSession {
  /** The base's fingerprints; undefined when the base's Baikal predates `fingerprints --synth-into`. */
  readonly fingerprints: Promise<Map<string, string> | undefined>;
  private readonly exited: Promise<void>;
  private readonly child: ChildProcess;
  private readonly outdir: string;

  constructor(tree: BaseTree, private readonly base: BaseRef, headRoot: string, work: string) {
    this.outdir = join(work, "base-out");
    this.child = spawn(process.execPath, [tree.bin, "fingerprints", "--synth-into", this.outdir], {
      cwd: tree.root,
      env: baseEnvironment({ BAIKAL_CACHE: "read-only", BAIKAL_CACHE_FILE: analysisCacheFile(headRoot) }),
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child.stdin!.on("error", () => {}); // a child that already failed reports through its exit code
    const stderr: Buffer[] = [];
    this.child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk));
    const closed = new Promise<{ code: number | null; message: string }>((resolve, reject) => {
      this.child.on("error", reject);
      this.child.on("close", (code) => resolve({ code, message: Buffer.concat(stderr).toString("utf8").trim() }));
    });
    this.fingerprints = new Promise((resolve, reject) => {
      let stdout = "";
      this.child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
        const newline = stdout.indexOf("\n");
        if (newline < 0) return;
        try {
          resolve(new Map(Object.entries(JSON.parse(stdout.slice(0, newline)) as Record<string, string>)));
        } catch {
          reject(failedBase(base, new Error(`its fingerprints are not JSON: ${stdout.slice(0, 200)}`)));
        }
      });
      closed.then(({ code, message }) => {
        if (code !== 0 && /unknown (command|option)/.test(message)) resolve(undefined);
        else reject(failedBase(base, new Error(message || `exit code ${code} before printing fingerprints`)));
      }, reject);
    });
    this.exited = closed.then(({ code, message }) => {
      if (code !== 0) throw failedBase(base, new Error(message));
    });
    // Both are awaited later, once the head has loaded; until then a failure must not count as unhandled.
    this.fingerprints.catch(() => {});
    this.exited.catch(() => {});
  }

  /** Synthesizes `stacks` (possibly none) in the base and returns them; the child exits afterwards. */
  async synthesize(stacks: readonly string[]): Promise<Stacks> {
    this.child.stdin!.end(`${JSON.stringify(stacks)}\n`);
    await this.exited;
    if (stacks.length === 0) return new Map();
    const written = readStacks(this.outdir);
    // Exiting with 0 is not enough: the base must have written every stack it was asked for.
    const missing = stacks.filter((stack) => !written.has(stack));
    if (missing.length > 0) throw failedBase(this.base, new Error(`it exited without writing ${missing.join(", ")}`));
    return written;
  }

  /** Stops the child when the comparison cannot go on. */
  stop(): void {
    this.child.kill();
  }
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
  const session = tree ? new BaseSession(tree, base, projectRoot, work) : undefined;
  try {
    const project = await loadProject(projectRoot);
    const headStacks = stackNames(project).map((s) => s.name);
    if (!tree || !session) {
      const after = await synthesizeHead(project, work);
      return { base, project, before: new Map(), after, unchanged: [], stacks: { base: 0, head: headStacks } };
    }
    const head = stackFingerprints(project);
    const before = await session.fingerprints;
    if (!before) {
      const [beforeStacks, after] = await Promise.all([synthesizeBase(tree, base, work), synthesizeHead(project, work)]);
      return { base, project, before: beforeStacks, after, unchanged: [], stacks: { base: beforeStacks.size, head: headStacks } };
    }
    const differing = headStacks.filter((stack) => before.get(stack) !== head.get(stack));
    const gone = [...before.keys()].filter((stack) => !head.has(stack));
    const [beforeStacks, after] = await Promise.all([
      session.synthesize([...differing.filter((stack) => before.has(stack)), ...gone]),
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
  } catch (error) {
    session?.stop();
    throw error;
  }
}
