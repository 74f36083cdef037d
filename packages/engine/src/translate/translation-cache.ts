/**
 * Translations kept between runs, keyed by a hash of the SQL: `baikal test` on unchanged SQL never loads the
 * translator (a second of WebAssembly compilation and warm-up). Any change to the translator, the compatibility
 * macros or polyglot's version drops the whole file. `BAIKAL_CACHE=off` disables it, `read-only` never writes it.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Translation } from "./translate.ts";

const hash = (text: string) => createHash("sha1").update(text).digest("base64url");

/** The translator's own code and polyglot's version: what a translation depends on besides the SQL. */
function translatorVersion(): string {
  const src = dirname(dirname(fileURLToPath(import.meta.url)));
  const code = ["translate", "compat"].flatMap((folder) =>
    readdirSync(join(src, folder))
      .sort()
      .map((f) => readFileSync(join(src, folder, f), "utf8")),
  );
  // The package does not export its package.json; it sits above the resolved entry's dist/ folder.
  const entry = createRequire(import.meta.url).resolve("@polyglot-sql/sdk");
  const polyglot = (JSON.parse(readFileSync(join(dirname(dirname(entry)), "package.json"), "utf8")) as { version: string }).version;
  return hash([polyglot, ...code].join("\0"));
}

interface CacheFile {
  readonly translator: string;
  readonly entries: Record<string, Translation>;
}

export class TranslationCache {
  private readonly used = new Map<string, Translation>();
  private changed = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly version: string,
    private readonly stored: Readonly<Record<string, Translation>>,
    private readonly writable: boolean,
  ) {}

  static disabled(): TranslationCache {
    return new TranslationCache(undefined, "", {}, false);
  }

  static open(file: string | undefined): TranslationCache {
    const mode = process.env.BAIKAL_CACHE;
    if (!file || mode === "off") return TranslationCache.disabled();
    const version = translatorVersion();
    let stored: Record<string, Translation> = {};
    try {
      const parsed = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
      if (parsed.translator === version) stored = parsed.entries;
    } catch {
      // No file yet, or an unreadable one: start empty.
    }
    return new TranslationCache(file, version, stored, mode !== "read-only");
  }

  get(sql: string): Translation | undefined {
    const key = hash(sql);
    const found = this.used.get(key) ?? this.stored[key];
    if (found) this.used.set(key, found);
    return found;
  }

  set(sql: string, translation: Translation): void {
    this.used.set(hash(sql), translation);
    this.changed = true;
  }

  /** Writes the entries used in this run (so the file never outgrows the project), atomically. */
  save(): void {
    if (!this.file || !this.writable || !this.changed) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ translator: this.version, entries: Object.fromEntries(this.used) } satisfies CacheFile));
    renameSync(temporary, this.file);
    this.changed = false;
  }
}
