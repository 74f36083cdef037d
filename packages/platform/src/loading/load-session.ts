import { createCatalog } from "@baikal/sql/types";
import { loadSqlAnalyser } from "../caching/cached-analysis.ts";
import { ViewAnalysisCache } from "../caching/analysis-cache.ts";
import { type EvaluateOptions, type Evaluated, evaluateDeclarations, KeptLoader } from "./evaluate-declarations.ts";
import type { Loaded } from "./load-project.ts";
import type { Project } from "./project.ts";
import { fileStamp, readingStarts } from "./file-stamp.ts";

interface Known {
  readonly evaluated: Evaluated;
  /** Stamps of the file itself and of every input its bundle was built from. */
  readonly stamps: ReadonlyMap<string, string>;
}

/**
 * State kept between loads by `baikal check --watch`. A declaration file is evaluated again only when it or
 * a module it imports changed on disk, in the session's loader child (kept between saves, so a save does not
 * pay Node's start; started again if a declaration ended it); its check result is reused while it is
 * unchanged; view analyses stay in memory.
 */
export class LoadSession {
  private readonly known = new Map<string, Known>();
  private readonly checks = new WeakMap<Evaluated, Loaded<unknown>>();
  private readonly loader = new KeptLoader();

  constructor(
    readonly cache: ViewAnalysisCache,
    private readonly options: EvaluateOptions = {},
  ) {}

  static open(root: string, options: EvaluateOptions = {}): LoadSession {
    return new LoadSession(ViewAnalysisCache.open(root), options);
  }

  /** Stops the session's loader child. */
  close(): void {
    this.loader.close();
  }

  /** Files evaluated by the last call to `evaluate` (the others were reused). */
  lastEvaluated: readonly string[] = [];

  /** Like `evaluateDeclarations`, evaluating only files whose sources changed since this session last did. */
  async evaluate(root: string, files: readonly string[]): Promise<Evaluated[]> {
    const unchanged = (file: string) => {
      const known = this.known.get(file);
      return known !== undefined && [...known.stamps].every(([path, seen]) => fileStamp(path) === seen);
    };
    const changed = files.filter((file) => !unchanged(file));
    const started = readingStarts();
    for (const evaluated of await evaluateDeclarations(root, changed, { ...this.options, kept: this.loader })) {
      // A file saved while it was being evaluated may not be what was evaluated: it counts as changed. A file
      // that did not compile has no inputs to compare ("" never matches): it is evaluated again next time.
      const stamps = new Map(evaluated.inputs.map((path) => [path, fileStamp(path, started)]));
      this.known.set(evaluated.file, { evaluated, stamps: evaluated.inputs.length > 0 ? stamps : new Map([["", "never"]]) });
    }
    this.lastEvaluated = changed;
    return files.map((file) => this.known.get(file)!.evaluated);
  }

  /** Every file the evaluated declarations were built from, outside node_modules (what a watch should watch). */
  sourceFiles(): string[] {
    const files = new Set<string>();
    for (const { evaluated } of this.known.values()) for (const input of evaluated.inputs) if (!input.includes("/node_modules/")) files.add(input);
    return [...files];
  }

  /** The result of `check` for this evaluation, computed once per evaluation. */
  checked<T>(evaluated: Evaluated, check: () => Loaded<T>): Loaded<T> {
    let result = this.checks.get(evaluated) as Loaded<T> | undefined;
    if (!result) {
      result = check();
      this.checks.set(evaluated, result);
    }
    return result;
  }

  /**
   * Parses a sample of the project's views once, outside any check: ANTLR builds its prediction cache while
   * parsing, so after a check served from the cache the first edited view would otherwise pay that warm-up.
   */
  async warmUp(project: Project, sample = 40): Promise<void> {
    const { analyzeView } = await loadSqlAnalyser();
    const catalog = createCatalog([]);
    const step = Math.max(1, Math.floor(project.views.length / sample));
    for (let i = 0; i < project.views.length; i += step) analyzeView(project.views[i]!.sql, { defaultDatabase: project.views[i]!.domain, catalog });
  }
}
