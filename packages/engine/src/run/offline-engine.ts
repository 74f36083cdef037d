/**
 * Runs one Athena SELECT offline: DuckDB in this process, the relations it reads created and filled in a
 * transaction that is rolled back afterwards, the SQL translated to DuckDB with Trino's semantics, the output
 * cast to the declared types as Athena casts a view's output to its stored columns.
 */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { OFFLINE_ERROR_PREFIX, TRINO_SESSION_SETTINGS, trinoMacroStatements } from "../compat/trino-macros.ts";
import { loadTranslator, type Refusal, type Translation, translateTrino } from "../translate/translate.ts";
import { TranslationCache } from "../translate/translation-cache.ts";
import { REFUSED } from "../translate/refusals.ts";
import { type Column, type DuckdbTypeJson, duckdbType, trinoTypeOfDuckdb } from "./column-type.ts";
import { canonical, literal, type Row } from "./values.ts";

/** The Glue catalog as Athena names it; three-part names (`awsdatacatalog.news.articles`) resolve in it. */
const CATALOG = "awsdatacatalog";

export interface Relation {
  readonly database: string;
  readonly name: string;
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}

export interface RunRequest {
  /** One Athena SELECT, run parameters already filled in. */
  readonly sql: string;
  /** The database unqualified names resolve in: the view's or transform's domain. */
  readonly defaultDatabase: string;
  /** Every relation the SQL reads; rows may be empty. */
  readonly relations: readonly Relation[];
  /** What the output is cast to, in order: the view's declared columns or the transform's target. @default - DuckDB's own types, rows as DuckDB's JSON */
  readonly output?: readonly Column[];
  /** The instant `current_timestamp` and `current_date` read, ISO 8601 (`2024-05-01T09:00:00Z`). */
  readonly now?: string;
}

export type RunResult =
  | {
      readonly kind: "rows";
      readonly rows: readonly Row[];
      /** The outermost query has ORDER BY: rows compare in order. */
      readonly ordered: boolean;
      /** DuckDB's types of the output before the cast, as Trino types (the engine's opinion). */
      readonly engineTypes: readonly string[];
      readonly duckdbSql: string;
    }
  | { readonly kind: "refused"; readonly refusals: readonly Refusal[] }
  /** The query fails as Athena's would (division by zero, a value that does not parse) or the test is incomplete. */
  | { readonly kind: "failed"; readonly message: string; readonly duckdbSql?: string };

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** DuckDB errors that mean the emulation cannot run the SQL, not that Athena's query would fail. */
const EMULATION_ERRORS = /^(Binder|Catalog|Parser|Not implemented) Error/;

export interface EngineOptions {
  /** Where translations are kept between runs (`BAIKAL_CACHE` applies). @default - none: every run translates */
  readonly translationCacheFile?: string;
}

export class OfflineEngine {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly translations: TranslationCache,
  ) {}

  /**
   * Starts DuckDB in memory with the compatibility layer. The translator loads on the first SQL that is not in
   * the translation cache.
   */
  static async start(options: EngineOptions = {}): Promise<OfflineEngine> {
    const translations = TranslationCache.open(options.translationCacheFile);
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    // Unit test inputs are a few rows: one thread avoids the cost of scheduling work across several.
    await connection.run("SET threads = 1");
    await connection.run(`ATTACH ':memory:' AS ${CATALOG}`);
    for (const statement of [...TRINO_SESSION_SETTINGS, ...trinoMacroStatements()]) await connection.run(statement);
    return new OfflineEngine(instance, connection, translations);
  }

  private async translate(sql: string): Promise<Translation> {
    const known = this.translations.get(sql);
    if (known) return known;
    await loadTranslator();
    const translation = translateTrino(sql);
    this.translations.set(sql, translation);
    return translation;
  }

  /** Keeps this run's translations and closes DuckDB, so a command's process can exit at once. */
  close(): void {
    this.translations.save();
    this.connection.closeSync();
    this.instance.closeSync();
  }

  async run(request: RunRequest): Promise<RunResult> {
    const translation = await this.translate(request.sql);
    if (translation.error) return { kind: "refused", refusals: [{ construct: `SQL the translator cannot parse: ${translation.error}` }] };
    if (translation.refusals.length > 0) return { kind: "refused", refusals: translation.refusals };
    const charColumns = request.relations.flatMap((r) => r.columns.filter((c) => c.type.kind === "char").map((c) => REFUSED.charColumn(`${r.database}.${r.name}`, c.name)));
    if (charColumns.length > 0) return { kind: "refused", refusals: charColumns.map((construct) => ({ construct })) };
    if (translation.readsClock && request.now === undefined) {
      return {
        kind: "failed",
        message: 'the SQL reads the clock (current_timestamp, current_date or now()); say what time it is in the test, e.g. now: "2024-05-01T09:00:00Z"',
      };
    }
    const sql = translation.sql!;
    const output = request.output;
    const outputs = output?.map((c, i) => `CAST(#${i + 1} AS ${duckdbType(c.type)}) AS ${quote(c.name)}`) ?? ["*"];
    const wrapped = `SELECT ${outputs.join(", ")} FROM (${sql}) AS baikal_output`;
    await this.connection.run("BEGIN TRANSACTION");
    try {
      await this.setUp(request);
      const prepared = await this.connection.prepare(`SELECT * FROM (${sql}) LIMIT 0`);
      const rawTypes = Array.from({ length: prepared.columnCount }, (_, i) => prepared.columnType(i) as unknown as DuckdbTypeJson);
      if (output && rawTypes.length !== output.length) {
        return { kind: "failed", message: `the SQL produces ${rawTypes.length} columns but ${output.length} are declared`, duckdbSql: sql };
      }
      const result = await this.connection.runAndReadAll(wrapped);
      const rows = result.getRowObjectsJson().map((json) => {
        if (!output) return json as Row;
        const row: Record<string, unknown> = {};
        output.forEach((c) => (row[c.name] = canonical((json as Record<string, unknown>)[c.name], c.type)));
        return row as Row;
      });
      return { kind: "rows", rows, ordered: translation.ordered, engineTypes: rawTypes.map((t) => trinoTypeOfDuckdb(t)), duckdbSql: sql };
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
      const offline = message.indexOf(OFFLINE_ERROR_PREFIX);
      if (offline >= 0) return { kind: "refused", refusals: [{ construct: message.slice(offline + OFFLINE_ERROR_PREFIX.length) }] };
      if (EMULATION_ERRORS.test(message)) return { kind: "refused", refusals: [{ construct: `DuckDB cannot run the translation (${message})` }] };
      return { kind: "failed", message: `the query fails: ${message.replace(/^[A-Za-z ]+ Error: /, "")}`, duckdbSql: sql };
    } finally {
      await this.connection.run("ROLLBACK");
    }
  }

  private async setUp(request: RunRequest): Promise<void> {
    await this.connection.run(`SET VARIABLE baikal_now = ${request.now === undefined ? "NULL::TIMESTAMPTZ" : `CAST('${request.now.replaceAll("'", "")}' AS TIMESTAMPTZ)`}`);
    const databases = new Set([request.defaultDatabase, ...request.relations.map((r) => r.database)]);
    for (const database of databases) await this.connection.run(`CREATE SCHEMA IF NOT EXISTS ${CATALOG}.${quote(database)}`);
    for (const relation of request.relations) {
      const table = `${CATALOG}.${quote(relation.database)}.${quote(relation.name)}`;
      await this.connection.run(`CREATE TABLE ${table} (${relation.columns.map((c) => `${quote(c.name)} ${duckdbType(c.type)}`).join(", ")})`);
      if (relation.rows.length === 0) continue;
      const values = relation.rows.map((row) => `(${relation.columns.map((c) => literal(row[c.name] ?? null, c.type)).join(", ")})`);
      await this.connection.run(`INSERT INTO ${table} VALUES ${values.join(", ")}`);
    }
    await this.connection.run(`USE ${CATALOG}.${quote(request.defaultDatabase)}`);
  }
}
