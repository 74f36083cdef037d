/**
 * The one way the platform analyses a piece of SQL (a transform, a data test, a row filter) outside the view
 * batch: through the analysis cache, and with the SQL analyser loaded only when something is not cached.
 *
 * Loading the analyser costs about 0.2 s of CPU (the Trino grammar builds its parser tables as its module
 * loads), a large part of a `baikal check` whose SQL is all cached. So it is loaded on demand, which needs an
 * `await`, while the checks that analyse SQL are synchronous: they run through `withSqlAnalyser`, which runs
 * a check, and if the check needed the analyser, loads it and runs the check again (checks are pure).
 */
import type * as Sql from "@baikal/sql";
import type { AnalyzeViewOptions, ViewAnalysis } from "@baikal/sql";
import { ViewAnalysisCache } from "./analysis-cache.ts";

let analyser: typeof Sql | undefined;

/**
 * The cache analyses are read from and written to: `loadProject` sets the project's, so that a later
 * synth (which compiles the grants again) finds every analysis the check made in this process.
 */
let current: ViewAnalysisCache = ViewAnalysisCache.memory();

/** Thrown by `analyzeSql` when it needs the analyser and it is not loaded yet; `withSqlAnalyser` handles it. */
export class SqlAnalyserNotLoaded extends Error {
  constructor() {
    super("the SQL analyser is not loaded; run the check through withSqlAnalyser(...) or await loadSqlAnalyser() first");
  }
}

/** Loads the SQL analyser (once per process). */
export async function loadSqlAnalyser(): Promise<typeof Sql> {
  analyser ??= await import("@baikal/sql");
  return analyser;
}

/** Makes `cache` the one `analyzeSql` uses from now on in this process. */
export function useAnalysisCache(cache: ViewAnalysisCache): void {
  current = cache;
}

/** `sql`'s analysis: from the cache while nothing it read changed, else analysed now (and cached). */
export function analyzeSql(sql: string, options: AnalyzeViewOptions): ViewAnalysis {
  const key = ViewAnalysisCache.key(options.defaultDatabase, sql);
  const cached = current.get(key, options.catalog);
  if (cached) return cached;
  if (!analyser) throw new SqlAnalyserNotLoaded();
  const analysis = analyser.analyzeView(sql, options);
  current.set(key, analysis, options.catalog);
  return analysis;
}

/** Runs `check`; if it needed the SQL analyser before it was loaded, loads it and runs `check` again. */
export async function withSqlAnalyser<T>(check: () => T): Promise<T> {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof SqlAnalyserNotLoaded)) throw error;
    await loadSqlAnalyser();
    return check();
  }
}
