/**
 * Analyses many views at once, spread over worker threads when there are enough of them to pay for a
 * worker's start-up (about half a second: tsx, the Trino grammar). Parsing is the bulk of a check
 * (about 0.8 ms per view, all of it CPU in ANTLR), and every view is analysed against the same declared
 * catalog, independently of the others, so the work splits cleanly.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { analyzeView } from "../analysis/analyze-view.ts";
import { type CatalogRelation, createCatalog } from "../catalog.ts";
import type { ViewAnalysis } from "../result.ts";
import type { BatchReply, BatchRequest, ViewJob, WorkerInput } from "./protocol.ts";

export type { ViewJob } from "./protocol.ts";

export interface AnalyzeManyOptions {
  /** Worker threads besides this one. @default one fewer than the machine's cores; 0 below `minViewsForWorkers` */
  readonly workers?: number;
  /** Fewer views than this are analysed on this thread alone. @default 400 */
  readonly minViewsForWorkers?: number;
  /** Databases whose declarations could not be checked (see Catalog.unavailable). @default [] */
  readonly unavailable?: readonly string[];
  /** Whether this thread takes batches too, while the workers start. @default true */
  readonly shareWork?: boolean;
}

const BATCH = 50;
const WORKER_ENTRY = new URL("./worker-entry.js", import.meta.url);

/** The analyses of `jobs`, in the same order. */
export async function analyzeMany(jobs: readonly ViewJob[], relations: readonly CatalogRelation[], options: AnalyzeManyOptions = {}): Promise<ViewAnalysis[]> {
  const unavailable = options.unavailable ?? [];
  const catalog = createCatalog(relations, unavailable);
  const workerCount = jobs.length < (options.minViewsForWorkers ?? 400) ? 0 : (options.workers ?? defaultWorkers());
  const results = new Array<ViewAnalysis>(jobs.length);
  const analyze = (index: number) => {
    const job = jobs[index]!;
    results[index] = analyzeView(job.sql, { defaultDatabase: job.defaultDatabase, catalog });
  };
  if (workerCount <= 0) {
    jobs.forEach((_, index) => analyze(index));
    return results;
  }

  // A shared queue of batches: this thread takes one at a time and yields between them, so that idle
  // workers get their next batch without waiting for this thread to finish everything.
  const batches: number[][] = [];
  for (let start = 0; start < jobs.length; start += BATCH) {
    batches.push(Array.from({ length: Math.min(BATCH, jobs.length - start) }, (_, i) => start + i));
  }
  const workers = Array.from({ length: workerCount }, () => new Worker(WORKER_ENTRY, { workerData: { relations, unavailable } satisfies WorkerInput }));
  const drain = async () => {
    while (batches.length > 0) {
      batches.shift()!.forEach(analyze);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    const done = workers.map((worker) => feed(worker, batches, jobs, results));
    if (options.shareWork !== false) await drain();
    await Promise.all(done);
    await drain(); // batches handed back by a worker that failed
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}

/**
 * Gives `worker` batches until the queue is empty; resolves when its last batch is back. A worker that fails
 * hands its batch back to the queue (with a warning): the check stays correct, only slower.
 */
function feed(worker: Worker, batches: number[][], jobs: readonly ViewJob[], results: ViewAnalysis[]): Promise<void> {
  return new Promise((resolve) => {
    let current: number[] | undefined;
    let finished = false;
    const next = () => {
      current = batches.shift();
      if (current === undefined) {
        finished = true;
        return resolve();
      }
      worker.postMessage({ jobs: current.map((index) => jobs[index]!) } satisfies BatchRequest);
    };
    const fail = (why: string) => {
      if (finished) return;
      finished = true;
      if (current !== undefined) batches.push(current);
      process.emitWarning(`a SQL analysis worker failed (${why}); analysing its views on the main thread`);
      resolve();
    };
    worker.on("message", (reply: BatchReply) => {
      if (!reply.ready) reply.analyses!.forEach((analysis, i) => (results[current![i]!] = analysis));
      next();
    });
    worker.on("error", (error) => fail(error.message));
    worker.on("exit", (code) => fail(`exit code ${code}`));
  });
}

/**
 * One thread per core beyond this one, from four cores; `BAIKAL_WORKERS` overrides (0: this thread only).
 * On two cores a worker did not pay: ANTLR allocates heavily, and the second core is already busy with tsx's
 * loader thread and the garbage collector (5,100 views: 7.5 s alone, 7.7 s with a worker, 130 MB more).
 */
function defaultWorkers(): number {
  const fromEnv = process.env.BAIKAL_WORKERS;
  if (fromEnv !== undefined && /^\d+$/.test(fromEnv)) return Number(fromEnv);
  return availableParallelism() >= 4 ? availableParallelism() - 1 : 0;
}
