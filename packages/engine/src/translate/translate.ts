/**
 * Athena (Trino) SQL to DuckDB SQL: polyglot parses the Trino text, the Trino rewrite makes it compute Trino's
 * results (or refuses it), polyglot prints it as Trino again and translates that to DuckDB. The round trip
 * through Trino text keeps polyglot's own Trino-to-DuckDB mappings for everything the rewrite leaves alone.
 */
import { kindOf, body } from "./ast.ts";
import { loadedPolyglot, polyglot } from "./polyglot.ts";
import type { Refusal } from "./refusals.ts";
import { rewriteTrino } from "./rewrite-trino.ts";

export type { Refusal } from "./refusals.ts";

export interface Translation {
  /** The DuckDB SQL, when nothing was refused. */
  readonly sql?: string;
  readonly refusals: readonly Refusal[];
  /** The SQL reads the clock: a test must say what time it is. */
  readonly readsClock: boolean;
  /** The outermost query has an ORDER BY: its rows compare in order. */
  readonly ordered: boolean;
  /** A syntax error polyglot found (the SQL passed Baikal's checks, so this is polyglot's limit). */
  readonly error?: string;
}

/** Loads the translator (about a second of WebAssembly compilation). */
export async function loadTranslator(): Promise<void> {
  await polyglot();
}

const cache = new Map<string, Translation>();

/** Translates one SELECT; the same text is translated once per process. */
export function translateTrino(sql: string): Translation {
  const known = cache.get(sql);
  if (known) return known;
  const translation = translateUncached(sql);
  cache.set(sql, translation);
  return translation;
}

function translateUncached(sql: string): Translation {
  const pg = loadedPolyglot();
  const parsed = pg.parse(sql, pg.Dialect.Trino);
  if (!parsed.success || !parsed.ast || parsed.ast.length !== 1) {
    return { refusals: [], readsClock: false, ordered: false, error: parsed.error ?? "expected one statement" };
  }
  const statement = parsed.ast[0];
  const rootKind = kindOf(statement);
  const ordered = rootKind !== undefined && Boolean(body<{ order_by?: unknown }>(statement).order_by);
  const { statement: rewritten, refusals, readsClock } = rewriteTrino(statement, sql);
  if (refusals.length > 0) return { refusals, readsClock, ordered };
  const trino = pg.generate([rewritten], pg.Dialect.Trino);
  if (!trino.success || !trino.sql) return { refusals: [], readsClock, ordered, error: trino.error ?? "could not print the rewritten SQL" };
  const duckdb = pg.transpile(trino.sql[0]!, pg.Dialect.Trino, pg.Dialect.DuckDB);
  if (!duckdb.success || !duckdb.sql) return { refusals: [], readsClock, ordered, error: duckdb.error ?? "could not translate to DuckDB" };
  return { sql: duckdb.sql[0]!, refusals: [], readsClock, ordered };
}
