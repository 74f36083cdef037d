import type { Problem } from "../problems/problem.ts";
import { type Bundled, bundleDeclarations, originalPosition } from "./bundle-declarations.ts";
import { type Brand, type Failure, type FileResult, LoaderChild } from "./loader-child.ts";
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
  /**
   * A loader child kept between calls (`check --watch`: no Node start per save). A file that ends it or
   * times out still fails alone; the next call starts another. @default a new child per call
   */
  readonly kept?: KeptLoader;
}

/** The loader child of a session, started on first use and again after it ended. Close it when done. */
export class KeptLoader {
  private child: LoaderChild | undefined;

  take(root: string): LoaderChild {
    if (!this.child?.alive) this.child = new LoaderChild(root, true);
    return this.child;
  }

  close(): void {
    this.child?.close();
  }
}

export const DEFAULT_LOAD_TIMEOUT_SECONDS = 20;

/** The time limit per file, from `BAIKAL_LOAD_TIMEOUT` (seconds) when set. */
export function loadTimeoutMs(environment: NodeJS.ProcessEnv = process.env): number {
  const given = environment.BAIKAL_LOAD_TIMEOUT;
  if (given === undefined || given === "") return DEFAULT_LOAD_TIMEOUT_SECONDS * 1000;
  const seconds = Number(given);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(m.badTimeout(given));
  return seconds * 1000;
}

/** Puts the registered-symbol marks the child reported back onto the plain data. */
function restoreBrands(value: unknown, brands: readonly Brand[]): unknown {
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
  const fresh = () => options.kept?.take(root) ?? new LoaderChild(root);
  let child: LoaderChild | undefined = fresh();
  try {
    for (const result of await bundleDeclarations(root, files)) {
      if ("code" in result) bundles.push(result);
      else evaluated.set(result.file, { file: result.file, problems: result.problems, inputs: [] });
    }
  } finally {
    if (bundles.length === 0 && !options.kept) child.close();
  }
  let remaining = bundles;
  while (remaining.length > 0) {
    const run = await (child ?? fresh()).run(root, remaining, timeoutMs);
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
