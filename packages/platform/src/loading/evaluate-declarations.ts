import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Problem } from "../problems/problem.ts";
import { type Bundled, bundleDeclarations, originalPosition } from "./bundle-declarations.ts";
import { declarationEnvironment } from "./loader-environment.ts";
import { loaderMessages as m } from "./loader-messages.ts";

/** What one declaration file evaluated to. */
export interface Evaluated {
  /** Repository-relative path, as given. */
  readonly file: string;
  /**
   * The file's default export as plain data, with registered-symbol marks (`Symbol.for(...)`, e.g. what
   * `defineDomain` sets) restored; undefined when there are problems or no default export.
   */
  readonly value?: unknown;
  /** Why the file gave no value: it does not compile, threw, exited, timed out or exported something that is not data. */
  readonly problems: readonly Problem[];
  /** Absolute paths of every file it was built from; empty when it did not compile. */
  readonly inputs: readonly string[];
}

export interface EvaluateOptions {
  /** How long one file may take before it is stopped. @default `BAIKAL_LOAD_TIMEOUT` seconds, else 20 s */
  readonly timeoutMs?: number;
}

export const DEFAULT_LOAD_TIMEOUT_SECONDS = 20;

/** How long Node may take to start the child before the run counts as timed out (generous: busy CI machines). */
const STARTUP_LIMIT_MS = 60_000;

const CHILD = fileURLToPath(new URL("./declaration-child.js", import.meta.url));

/** The time limit per file, from `BAIKAL_LOAD_TIMEOUT` (seconds) when set. */
export function loadTimeoutMs(environment: NodeJS.ProcessEnv = process.env): number {
  const given = environment.BAIKAL_LOAD_TIMEOUT;
  if (given === undefined || given === "") return DEFAULT_LOAD_TIMEOUT_SECONDS * 1000;
  const seconds = Number(given);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(m.badTimeout(given));
  return seconds * 1000;
}

type Failure =
  | { readonly kind: "not-data"; readonly path: (string | number)[]; readonly what: string }
  | { readonly kind: "threw"; readonly reason: string; readonly at?: { readonly line: number; readonly column: number } };

type ChildMessage =
  | { readonly ready: true }
  | { readonly done: true }
  | { readonly file: string; readonly value: unknown; readonly brands: { path: (string | number)[]; key: string; value: unknown }[] }
  | { readonly file: string; readonly failure: Failure };

type FileResult = Exclude<ChildMessage, { ready: true } | { done: true }>;

interface Run {
  readonly results: Map<string, FileResult>;
  /** Set when the child did not return every result: the file it was on, and why it stopped. */
  readonly stopped?: { readonly file: string; readonly message: string };
}

/** A loader child process, started before its files are compiled so that Node's start overlaps esbuild. */
interface Started {
  readonly child: ChildProcess;
  /** Resolves when the child says it is ready for files. */
  readonly ready: Promise<void>;
  /** Resolves when it has exited and its IPC channel is closed (every message received). */
  readonly closed: Promise<{ readonly code: number | null; readonly signal: string | null; readonly error?: Error }>;
}

function startChild(root: string): Started {
  const child = spawn(process.execPath, [CHILD], {
    cwd: root,
    env: declarationEnvironment(),
    stdio: ["ignore", 2, 2, "ipc"],
    serialization: "advanced",
  });
  const ready = new Promise<void>((resolve) => child.on("message", (message: ChildMessage) => "ready" in message && resolve()));
  const closed = new Promise<{ code: number | null; signal: string | null; error?: Error }>((resolve) => {
    child.on("error", (error) => resolve({ code: null, signal: null, error }));
    child.on("close", (code, signal) => resolve({ code, signal }));
  });
  return { child, ready, closed };
}

/**
 * Evaluates `bundles` in order in a started child process (no credentials, its output on our stderr).
 * Results arrive one message per file; the run ends when the child exits, is stopped after `timeoutMs`
 * without a result, or fails to start.
 */
async function runChild(root: string, { child, ready, closed }: Started, bundles: readonly Bundled[], timeoutMs: number): Promise<Run> {
  const results: Run["results"] = new Map();
  let done = false;
  /** Why this process stopped the child, if it did. */
  let stoppedBecause: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const stopAfter = (ms: number, reason: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stoppedBecause = reason;
      child.kill("SIGKILL");
    }, ms);
  };
  child.on("message", (message: ChildMessage) => {
    if ("ready" in message) return;
    if ("done" in message) done = true;
    else if (bundles.some((b) => b.file === message.file)) results.set(message.file, message);
    stopAfter(timeoutMs, m.timedOut(timeoutMs / 1000));
  });
  stopAfter(STARTUP_LIMIT_MS, m.loaderFailed(`Node did not start it within ${STARTUP_LIMIT_MS / 1000} s`));
  void ready.then(() => {
    // The limit is per file, from the child's `ready` on: starting Node is not the files' time.
    stopAfter(timeoutMs, m.timedOut(timeoutMs / 1000));
    child.send({ root, files: bundles.map(({ file, code, format }) => ({ file, code, format })) });
  });
  const { code, signal, error } = await closed;
  clearTimeout(timer);
  if (done && code === 0) return { results };
  const pending = bundles.find((b) => !results.has(b.file)) ?? bundles[bundles.length - 1]!;
  const message = stoppedBecause ?? (error ? m.loaderFailed(error.message) : signal ? m.killed(signal) : m.exitedEarly(code ?? 1));
  return { results, stopped: { file: pending.file, message } };
}

/** Puts the registered-symbol marks the child reported back onto the plain data. */
function restoreBrands(value: unknown, brands: readonly { path: (string | number)[]; key: string; value: unknown }[]): unknown {
  for (const brand of brands) {
    let target = value as Record<string | number | symbol, unknown>;
    for (const part of brand.path) target = target[part] as typeof target;
    target[Symbol.for(brand.key)] = brand.value;
  }
  return value;
}

/** The problem for a thrown error, placed in the original source through a source map of the bundle. */
async function thrownProblem(root: string, bundle: Bundled, failure: Extract<Failure, { kind: "threw" }>): Promise<Problem> {
  const original = failure.at ? await originalPosition(root, bundle, failure.at.line, failure.at.column) : undefined;
  if (!original) return { source: bundle.file, message: m.threw(failure.reason) };
  const { source, line, column } = original;
  if (source === bundle.file) return { source, line, column, message: m.threw(failure.reason) };
  return { source: bundle.file, message: m.threw(failure.reason, `${source}:${line}:${column}`) };
}

async function toEvaluated(root: string, bundle: Bundled, result: FileResult): Promise<Evaluated> {
  if ("value" in result) return { file: bundle.file, value: restoreBrands(result.value, result.brands), problems: [], inputs: bundle.inputs };
  const { failure } = result;
  const problem: Problem =
    failure.kind === "not-data" ? { source: bundle.file, path: failure.path, message: m.notData(failure.what) } : await thrownProblem(root, bundle, failure);
  return { file: bundle.file, problems: [problem], inputs: bundle.inputs };
}

/**
 * THE way Baikal runs declaration files (`baikal.config.ts`, `domains/<team>/domain.ts`, and any other
 * file whose default export is a declaration): evaluates `files` (repository-relative) and returns their
 * default exports as plain data, in the order given.
 *
 * Fail-closed: each file is compiled here with esbuild, then run in a child process whose environment holds
 * no AWS credentials or other secrets (see `loader-environment.ts`). A file that does not compile, throws,
 * ends the process (any exit code), runs longer than the time limit, or exports something that is not plain
 * data gives problems naming it, never a value; the files after it are evaluated in a new child process, so
 * one run reports every file. Nothing a file does can make the caller exit or hang.
 */
export async function evaluateDeclarations(root: string, files: readonly string[], options: EvaluateOptions = {}): Promise<Evaluated[]> {
  const timeoutMs = options.timeoutMs ?? loadTimeoutMs();
  if (files.length === 0) return [];
  const evaluated = new Map<string, Evaluated>();
  const bundles: Bundled[] = [];
  let child: Started | undefined = startChild(root);
  try {
    for (const result of await bundleDeclarations(root, files)) {
      if ("code" in result) bundles.push(result);
      else evaluated.set(result.file, { file: result.file, problems: result.problems, inputs: [] });
    }
  } finally {
    if (bundles.length === 0) child.child.kill();
  }
  let remaining = bundles;
  while (remaining.length > 0) {
    const run = await runChild(root, child ?? startChild(root), remaining, timeoutMs);
    child = undefined;
    for (const bundle of remaining) {
      const result = run.results.get(bundle.file);
      if (result) evaluated.set(bundle.file, await toEvaluated(root, bundle, result));
    }
    if (!run.stopped) break;
    const stopped = run.stopped;
    const index = remaining.findIndex((b) => b.file === stopped.file);
    evaluated.set(stopped.file, { file: stopped.file, problems: [{ source: stopped.file, message: stopped.message }], inputs: remaining[index]!.inputs });
    remaining = remaining.slice(index + 1).filter((b) => !evaluated.has(b.file));
  }
  return files.map((file) => evaluated.get(file)!);
}
