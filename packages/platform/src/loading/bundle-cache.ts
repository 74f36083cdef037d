import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CHANGED, fileStamp } from "./file-stamp.ts";

/** One declaration file's bundle and the stamps of every file it was built from. */
export interface CachedBundle {
  readonly file: string;
  readonly code: string;
  readonly format: string;
  readonly inputs: readonly string[];
}

interface Entry extends CachedBundle {
  readonly stamps: readonly string[];
}

const DIR = "node_modules/.cache/baikal/declarations";

/**
 * Compiled declaration files, kept while none of the files a bundle was built from changed on disk (its
 * esbuild inputs: the file, what it imports, the declaration API), so that a check compiles only what changed:
 * at 300 domains, compiling every `domain.ts` took longer than everything else. Evaluating is never cached:
 * every command still runs every declaration in the loader child. `BAIKAL_CACHE=off` disables it,
 * `BAIKAL_CACHE=read-only` (the base tree of `affected` and `guard`) reads but never writes.
 */
export class BundleCache {
  private constructor(
    private readonly root: string,
    private readonly dir: string | undefined,
    private readonly writable: boolean,
  ) {}

  static open(root: string, mode = process.env.BAIKAL_CACHE): BundleCache {
    return new BundleCache(root, mode === "off" ? undefined : join(root, DIR), mode !== "read-only");
  }

  /**
   * Entries are found by the file's absolute path: the base tree of `affected` shares this folder through a
   * link, and its `domains/x/domain.ts` is another file.
   */
  private path(file: string): string {
    return join(this.dir!, `${createHash("sha1").update(join(this.root, file)).digest("base64url")}.json`);
  }

  /** The stored bundle of `file`, if every file it was built from is unchanged. */
  get(file: string): CachedBundle | undefined {
    if (!this.dir) return undefined;
    try {
      const entry = JSON.parse(readFileSync(this.path(file), "utf8")) as Entry;
      const built = entry.file === file && entry.inputs.includes(join(this.root, file));
      if (!built || entry.inputs.some((input, i) => fileStamp(input) !== entry.stamps[i])) return undefined;
      return { file, code: entry.code, format: entry.format, inputs: entry.inputs };
    } catch {
      return undefined;
    }
  }

  /** Stores `bundle`, unless one of its inputs changed while it was built (after `notAfterNs`). */
  set(bundle: CachedBundle, notAfterNs: bigint): void {
    if (!this.dir || !this.writable) return;
    const stamps = bundle.inputs.map((input) => fileStamp(input, notAfterNs));
    if (stamps.includes(CHANGED)) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      const path = this.path(bundle.file);
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ file: bundle.file, code: bundle.code, format: bundle.format, inputs: bundle.inputs, stamps } satisfies Entry));
      renameSync(temporary, path);
    } catch {
      // A cache that cannot be written is only slower.
    }
  }
}
