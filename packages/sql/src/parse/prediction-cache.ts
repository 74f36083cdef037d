/**
 * The parser's prediction cache, kept between processes. ANTLR learns the grammar's decisions as it parses (its
 * DFA): the first parses of a process cost ten to a hundred times a warm one, and a `baikal check` that parses one
 * edited view pays that warm-up every time. So the DFA is saved when a process that grew it exits, and restored
 * (lazily, see dfa-codec.ts) before the first parse of the next one.
 *
 * The file is `node_modules/.cache/baikal/trino-prediction.dfa` beside the view-analysis cache (under the nearest
 * folder of the working directory holding node_modules, or beside `BAIKAL_CACHE_FILE`). It is keyed by the
 * grammar's ATN, the antlr4ng version and this code: any change to them ignores and replaces it. `BAIKAL_CACHE=off`
 * disables it, `BAIKAL_CACHE=read-only` reads but never writes. Worker threads read it; only the main thread
 * writes, atomically, so concurrent checks never read half a file.
 */
import { createHash } from "node:crypto";
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { isMainThread } from "node:worker_threads";
import type { DFA } from "antlr4ng";
import { encodeDfas, learnt, readHeader, restoreDfas, type RestoredDfas } from "./dfa-codec.ts";
import { TrinoSqlParser } from "./trino-grammar.ts";

const FILE_NAME = "trino-prediction.dfa";
/** A bigger DFA is not saved: the grammar's DFA over hundreds of real views is about 4 MB. */
const MAX_BYTES = 64 * 1024 * 1024;

/** The DFAs every TrinoSqlParser shares (a private static of the generated class). */
export const sharedDfas = (): DFA[] => (TrinoSqlParser as unknown as { decisionsToDFA: DFA[] }).decisionsToDFA;

/** What the cache was made by: the grammar's ATN, the ANTLR runtime, and the code that writes it. */
export function predictionCacheKey(): string {
  const runtime = createRequire(import.meta.url).resolve("antlr4ng");
  const digest = createHash("sha1");
  digest.update(readFileSync(join(dirname(runtime), "..", "package.json")));
  for (const code of ["./dfa-codec.ts", "./dfa-contexts.ts"]) digest.update(readFileSync(new URL(code, import.meta.url)));
  digest.update(TrinoSqlParser._serializedATN.join(","));
  return digest.digest("hex");
}

/** The cache file: beside `BAIKAL_CACHE_FILE`, else under the nearest folder of `from` that holds node_modules. */
export function predictionCacheFile(from: string = process.cwd()): string | undefined {
  if (process.env.BAIKAL_CACHE_FILE !== undefined) return join(dirname(process.env.BAIKAL_CACHE_FILE), FILE_NAME);
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "node_modules"))) return join(dir, "node_modules", ".cache", "baikal", FILE_NAME);
    if (dirname(dir) === dir) return undefined;
  }
}

interface Session {
  readonly file: string;
  readonly key: string;
  readonly restored: RestoredDfas | undefined;
  /** What the DFA held after loading: saving is worth it only when it learnt more. */
  loaded: number;
}

let started = false;
let session: Session | undefined;

/** Restores the saved DFA into the parser's (still empty) one, once per process, and saves it at exit if it grew. */
export function usePredictionCache(): void {
  if (started) return;
  started = true;
  const mode = process.env.BAIKAL_CACHE;
  const file = predictionCacheFile();
  if (mode === "off" || file === undefined) return;
  const key = predictionCacheKey();
  const restored = loadPredictionCache(file, key, sharedDfas());
  if (mode === "read-only" || !isMainThread) return;
  session = { file, key, restored, loaded: learnt(TrinoSqlParser._ATN, sharedDfas()) };
  process.once("exit", savePredictionCacheIfGrown);
}

/** Saves the process's DFA if it learnt something since it was loaded or last saved (at exit, or when a caller wants it now). */
export function savePredictionCacheIfGrown(): void {
  if (session === undefined) return;
  const now = learnt(TrinoSqlParser._ATN, sharedDfas());
  if (now <= session.loaded) return;
  savePredictionCache(session.file, session.key, sharedDfas(), session.restored);
  session.loaded = now;
}

/** The size of `file` if it holds a cache for `key`, else 0. */
function savedSize(file: string, key: string): number {
  try {
    const fd = openSync(file, "r");
    try {
      const start = Buffer.alloc(64);
      readSync(fd, start, 0, start.length, 0);
      return start.toString("latin1").startsWith(`{"key":"${key}"`) ? fstatSync(fd).size : 0;
    } finally {
      closeSync(fd);
    }
  } catch {
    return 0;
  }
}

/** Fills `dfas` from `file` if it was written for `key`; a missing, broken or outdated file leaves them empty. */
export function loadPredictionCache(file: string, key: string, dfas: readonly DFA[]): RestoredDfas | undefined {
  let bytes: Buffer;
  let saved: ReturnType<typeof readHeader>;
  try {
    bytes = readFileSync(file);
    saved = readHeader(bytes);
  } catch {
    return undefined;
  }
  if (saved.header.key !== key) return undefined;
  return restoreDfas(bytes, saved, TrinoSqlParser._ATN, dfas);
}

/**
 * Writes `dfas` to `file`, atomically; a cache that cannot be written is only a slower next start. A bigger file
 * for the same key, written meanwhile by another process (parallel checks, test workers), is kept.
 */
export function savePredictionCache(file: string, key: string, dfas: readonly DFA[], restored: RestoredDfas | undefined): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const parts = encodeDfas(key, TrinoSqlParser._ATN, dfas, restored);
    const size = parts.reduce((total, part) => total + part.length, 0);
    if (size > MAX_BYTES || size < savedSize(file, key)) return;
    const temporary = `${file}.${process.pid}.tmp`;
    const fd = openSync(temporary, "w");
    try {
      for (const part of parts) writeSync(fd, part);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch {
    // Read-only project folder, full disk: parse cold next time.
  }
}
