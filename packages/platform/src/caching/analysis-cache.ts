/**
 * A content-hash cache of view analyses, so that a check after editing one view parses one view.
 *
 * An analysis is a function of the SQL text, the database its unqualified names resolve in, and the catalog
 * entries the SQL resolves to. A successful analysis resolved every name it used (an unknown one would be a
 * problem), so its `references` are exactly the catalog entries it depends on. An entry is therefore keyed by
 * a hash of (database, SQL) and stays valid while every referenced relation still exists with the same kind,
 * column names and types. Analyses with problems are never stored: they are recomputed, so messages and
 * suggestions always reflect the current catalog. Any change to the analyser drops the whole cache.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Catalog, CatalogRelation, ViewAnalysis } from "@baikal/sql/types";
import { packageDir, packageVersion, sourceHash } from "./source-hash.ts";

/** Where the cache lives, under the project: ignored by git like every tool's `node_modules/.cache`. */
const CACHE_FILE = "node_modules/.cache/baikal/view-analyses.json";

/** The project's cache file; `BAIKAL_CACHE_FILE` points elsewhere (`affected` lets the base tree read the head's). */
export const analysisCacheFile = (root: string): string => process.env.BAIKAL_CACHE_FILE ?? join(root, CACHE_FILE);

interface Entry {
  /** [database, name, fingerprint] of every relation the SQL read. */
  readonly reads: readonly (readonly [string, string, string])[];
  readonly analysis: ViewAnalysis;
}

interface CacheFile {
  readonly analyser: string;
  readonly entries: Record<string, Entry>;
}

const hash = (text: string) => createHash("sha1").update(text).digest("base64url");

export class ViewAnalysisCache {
  private readonly fingerprints = new WeakMap<CatalogRelation, string>();
  /** Entries used or added in this run: the only ones saved, so the file never outgrows the project. */
  private readonly used = new Map<string, Entry>();
  /** An entry was added since the file was read or written. */
  private changed = false;
  /** How many entries the file holds: fewer used than that means some are stale and the file should shrink. */
  private savedCount: number;
  hits = 0;
  misses = 0;

  private constructor(
    /** Where entries are saved; undefined: kept in memory only. */
    private readonly file: string | undefined,
    private readonly stored: Readonly<Record<string, Entry>>,
    /** Whether new analyses are kept at all (`BAIKAL_CACHE=off`: no). */
    private readonly remember = true,
  ) {
    this.savedCount = Object.keys(stored).length;
  }

  /**
   * Opens the project's cache; a missing, unreadable or outdated file is an empty cache. `BAIKAL_CACHE=off`
   * disables it, `BAIKAL_CACHE=read-only` reads but never writes.
   */
  static open(root: string): ViewAnalysisCache {
    const mode = process.env.BAIKAL_CACHE;
    if (mode === "off") return ViewAnalysisCache.disabled();
    const file = analysisCacheFile(root);
    let entries: Record<string, Entry> = {};
    try {
      const content = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
      if (content.analyser === analyserVersion()) entries = content.entries;
    } catch {
      // No cache yet, or a broken one: start empty.
    }
    return new ViewAnalysisCache(mode === "read-only" ? undefined : file, entries);
  }

  /** A cache that remembers nothing (`BAIKAL_CACHE=off`, and tests that must analyse everything). */
  static disabled(): ViewAnalysisCache {
    return new ViewAnalysisCache(undefined, {}, false);
  }

  /** A cache of this process only: what it analysed, never saved. */
  static memory(): ViewAnalysisCache {
    return new ViewAnalysisCache(undefined, {});
  }

  static key(defaultDatabase: string, sql: string): string {
    return hash(`${defaultDatabase}\0${sql}`);
  }

  /** The stored analysis of `key`, if every relation it read is unchanged in `catalog`. */
  get(key: string, catalog: Catalog): ViewAnalysis | undefined {
    // `used` first: in a watch session it holds what earlier checks of this process analysed.
    const entry = this.used.get(key) ?? this.stored[key];
    const valid = entry?.reads.every(([database, name, fingerprint]) => {
      const relation = catalog.lookup(database, name);
      return relation !== undefined && this.fingerprint(relation) === fingerprint;
    });
    if (!entry || !valid) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.used.set(key, entry);
    return entry.analysis;
  }

  set(key: string, analysis: ViewAnalysis, catalog: Catalog): void {
    // Partial analyses (a broken domain's relations left unresolved) are never stored.
    if (!this.remember || analysis.problems.length > 0 || (analysis.blockedBy?.length ?? 0) > 0) return;
    const reads = analysis.references.map((r): [string, string, string] => [r.database, r.name, this.fingerprint(catalog.lookup(r.database, r.name)!)]);
    this.used.set(key, { reads, analysis });
    this.changed = true;
  }

  /** Writes the entries of this run, atomically (a concurrent check never reads half a file). */
  save(): void {
    if (!this.file || (!this.changed && this.used.size === this.savedCount)) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ analyser: analyserVersion(), entries: Object.fromEntries(this.used) } satisfies CacheFile));
    renameSync(temporary, this.file);
    // A watch session saves after every check; until something changes again, there is nothing to write.
    this.changed = false;
    this.savedCount = this.used.size;
  }

  private fingerprint(relation: CatalogRelation): string {
    let known = this.fingerprints.get(relation);
    if (known === undefined) {
      known = hash(`${relation.kind}\0${relation.columns.map((c) => `${c.name} ${c.type}`).join("\0")}`);
      this.fingerprints.set(relation, known);
    }
    return known;
  }
}

let version: string | undefined;

/**
 * The analyser's own source (the vendored grammar included) and the parser runtime's version: editing either
 * invalidates the cache.
 */
function analyserVersion(): string {
  if (version === undefined) {
    const sql = packageDir("@baikal/sql");
    version = sourceHash([join(sql, "src")], [packageVersion("antlr4ng", join(sql, "package.json"))]);
  }
  return version;
}
