import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Bundled } from "./bundle-declarations.ts";
import { declarationEnvironment } from "./loader-environment.ts";
import { loaderMessages as m } from "./loader-messages.ts";

/** Why a file gave no value, as the child reports it. */
export type Failure =
  | { readonly kind: "not-data"; readonly path: (string | number)[]; readonly what: string }
  | { readonly kind: "threw"; readonly reason: string; readonly at?: { readonly line: number; readonly column: number } };

export type Brand = { readonly path: (string | number)[]; readonly key: string; readonly value: unknown };

export type FileResult =
  | { readonly file: string; readonly value: unknown; readonly brands: readonly Brand[] }
  | { readonly file: string; readonly failure: Failure };

type ChildMessage = { readonly ready: true } | { readonly done: true } | FileResult;

export interface Run {
  readonly results: Map<string, FileResult>;
  /** Set when the child did not return every result: the file it was on, and why it stopped. */
  readonly stopped?: { readonly file: string; readonly message: string };
}

/** How long Node may take to start the child before the run counts as failed (generous: busy CI machines). */
const STARTUP_LIMIT_MS = 60_000;

const CHILD = fileURLToPath(new URL("./declaration-child.js", import.meta.url));

/**
 * A loader child process (plain Node running `declaration-child.js`, in the environment of
 * `loader-environment.ts`, its output on our stderr), started before its files are compiled so that Node's
 * start overlaps esbuild. It evaluates one batch and exits, or, kept (`serve`), a batch at a time until closed.
 */
export class LoaderChild {
  private readonly child: ChildProcess;
  private readonly ready: Promise<void>;
  /** Resolves when it has exited and its IPC channel is closed (every message received). */
  private readonly closed: Promise<{ readonly code: number | null; readonly signal: string | null; readonly error?: Error }>;
  private exited = false;

  constructor(
    root: string,
    private readonly serve = false,
  ) {
    this.child = spawn(process.execPath, [CHILD, ...(serve ? ["--serve"] : [])], {
      cwd: root,
      env: declarationEnvironment(),
      stdio: ["ignore", 2, 2, "ipc"],
      serialization: "advanced",
    });
    this.ready = new Promise<void>((resolve) => this.child.on("message", (message: ChildMessage) => "ready" in message && resolve()));
    this.closed = new Promise((resolve) => {
      this.child.on("error", (error) => resolve({ code: null, signal: null, error }));
      this.child.on("close", (code, signal) => resolve({ code, signal }));
    });
    void this.closed.then(() => (this.exited = true));
    // A kept child must not keep a watch session's process alive by itself, nor outlive it.
    if (serve) {
      this.child.unref();
      this.child.channel?.unref();
    }
  }

  /** Whether it can take another batch. */
  get alive(): boolean {
    return !this.exited;
  }

  close(): void {
    this.child.kill();
  }

  /**
   * Evaluates `bundles` in order. Results arrive one message per file; the batch ends with `done` (and, unless
   * kept, the child's exit with code 0), or when the child exits, is stopped after `timeoutMs` without a
   * result, or fails to start.
   */
  async run(root: string, bundles: readonly Bundled[], timeoutMs: number): Promise<Run> {
    const { child } = this;
    const results: Run["results"] = new Map();
    /** Why this process stopped the child, if it did. */
    let stoppedBecause: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    const stopAfter = (ms: number, reason: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stoppedBecause = reason;
        child.kill("SIGKILL");
      }, ms);
    };
    let done = false;
    let finish: () => void = () => {};
    const finished = new Promise<"done">((resolve) => (finish = () => resolve("done")));
    const listener = (message: ChildMessage) => {
      if ("ready" in message) return;
      if ("done" in message) {
        done = true;
        finish();
      }
      else if (bundles.some((b) => b.file === message.file)) results.set(message.file, message);
      stopAfter(timeoutMs, m.timedOut(timeoutMs / 1000));
    };
    child.on("message", listener);
    stopAfter(STARTUP_LIMIT_MS, m.loaderFailed(`Node did not start it within ${STARTUP_LIMIT_MS / 1000} s`));
    void this.ready.then(() => {
      // The limit is per file, from the child's `ready` on: starting Node is not the files' time.
      stopAfter(timeoutMs, m.timedOut(timeoutMs / 1000));
      if (!this.exited) child.send({ root, files: bundles.map(({ file, code, format }) => ({ file, code, format })) });
    });
    // A kept child stays up after its batch; any other must also exit with code 0 after it.
    const ended = await (this.serve ? Promise.race([finished, this.closed]) : this.closed);
    clearTimeout(timer);
    child.off("message", listener);
    if (ended === "done") return { results };
    const { code, signal, error } = ended;
    if (done && code === 0) return { results };
    const pending = bundles.find((b) => !results.has(b.file)) ?? bundles[bundles.length - 1]!;
    const message = stoppedBecause ?? (error ? m.loaderFailed(error.message) : signal ? m.killed(signal) : m.exitedEarly(code ?? 1));
    return { results, stopped: { file: pending.file, message } };
  }
}
