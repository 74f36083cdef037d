/**
 * Rule findings kept per stack fingerprint (see compiler/stack-fingerprints.ts: a hash of everything a stack is built
 * from and of Baikal's code, this folder included), so `check` synthesizes only the stacks a change touched. Lives
 * beside the view-analysis cache, in `node_modules/.cache/baikal/`; `BAIKAL_CACHE=off` disables it, `read-only`
 * never writes it.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { RuleFinding } from "./run-rules.ts";

const CACHE_FILE = "node_modules/.cache/baikal/preflight-rules.json";

interface CacheFile {
  readonly entries: Record<string, readonly RuleFinding[]>;
}

export class RuleCache {
  private readonly used = new Map<string, readonly RuleFinding[]>();
  private changed = false;

  private constructor(
    private readonly file: string | undefined,
    private readonly stored: Readonly<Record<string, readonly RuleFinding[]>>,
  ) {}

  static open(root: string): RuleCache {
    const mode = process.env.BAIKAL_CACHE;
    if (mode === "off") return new RuleCache(undefined, {});
    const file = join(root, CACHE_FILE);
    let stored: Record<string, readonly RuleFinding[]> = {};
    try {
      stored = (JSON.parse(readFileSync(file, "utf8")) as CacheFile).entries ?? {};
    } catch {
      // none yet, or unreadable: start empty
    }
    return new RuleCache(mode === "read-only" ? undefined : file, stored);
  }

  get(stack: string, fingerprint: string): readonly RuleFinding[] | undefined {
    const found = this.stored[`${stack} ${fingerprint}`];
    if (found) this.used.set(`${stack} ${fingerprint}`, found);
    return found;
  }

  set(stack: string, fingerprint: string, findings: readonly RuleFinding[]): void {
    this.used.set(`${stack} ${fingerprint}`, findings);
    this.changed = true;
  }

  /** Writes the entries of this run only, so the file never outgrows the project. */
  save(): void {
    if (!this.file || (!this.changed && this.used.size === Object.keys(this.stored).length)) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}`;
    writeFileSync(temporary, JSON.stringify({ entries: Object.fromEntries(this.used) }));
    renameSync(temporary, this.file);
  }
}
