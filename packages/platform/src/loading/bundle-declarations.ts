import { SourceMap, type SourceMapPayload, type SourceMapping } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import type { BuildFailure, BuildOptions, Message } from "esbuild";
import { ownImportMeta, ownImportMetaDefine } from "../bundling/own-import-meta.js";
import type { Problem } from "../problems/problem.ts";
import { BundleCache, type CachedBundle } from "./bundle-cache.ts";
import { readingStarts } from "./file-stamp.ts";
import { loaderMessages as m } from "./loader-messages.ts";

/**
 * One declaration file compiled into a single self-contained module, ready for the loader child. CommonJS
 * unless the file uses top-level await: Node evaluates a CommonJS function about three times faster than an
 * ES module (measured on 300 domains: 0.4 s against 1.2 s), and declarations rarely need `await`.
 */
export interface Bundled extends CachedBundle {
  /** Repository-relative path. */
  readonly file: string;
  readonly code: string;
  readonly format: "cjs" | "esm";
  /** Absolute paths of every file `code` was built from (the file itself, what it imports, declare.ts). */
  readonly inputs: readonly string[];
}

export type BundleResult = Bundled | { readonly file: string; readonly problems: readonly Problem[] };

/** Bundled CommonJS code may `require()` Node built-ins; an ES module has no `require` of its own. */
const REQUIRE_SHIM = 'import { createRequire as __baikalCreateRequire } from "node:module"; const require = __baikalCreateRequire("/");';

const OUTDIR = "/baikal-declarations";

const options = (root: string, files: readonly string[], format: Bundled["format"]): BuildOptions => ({
  absWorkingDir: root,
  entryPoints: files.map((file) => join(root, file)),
  outbase: root,
  outdir: OUTDIR,
  bundle: true,
  write: false,
  format,
  platform: "node",
  target: "node20",
  metafile: true,
  ...(format === "esm" ? { banner: { js: REQUIRE_SHIM } } : {}),
  logLevel: "silent",
  // Evaluated from a data: URL, each module still sees its own file as import.meta.url.
  define: ownImportMetaDefine,
  plugins: [ownImportMeta],
});

/** esbuild is loaded (and its service started) only when something has to be compiled. */
const esbuild = () => import("esbuild");

const asProblems = (root: string, file: string, messages: readonly Message[]): Problem[] =>
  messages.map((message) => {
    const at = message.location;
    if (!at) return { source: file, message: m.doesNotCompile(message.text) };
    return { source: relative(root, resolve(root, at.file)), line: at.line, column: at.column + 1, message: m.doesNotCompile(message.text) };
  });

const TOP_LEVEL_AWAIT = /Top-level await is currently not supported with the "cjs" output format/;

async function compile(root: string, files: readonly string[], format: Bundled["format"] = "cjs"): Promise<BundleResult[]> {
  const { build } = await esbuild();
  let result;
  try {
    result = await build(options(root, files, format));
  } catch (error) {
    const errors = (error as BuildFailure).errors;
    if (!Array.isArray(errors)) throw error;
    // One file's error fails the whole build; build each on its own to know which files it concerns.
    if (files.length > 1) return (await Promise.all(files.map((file) => compile(root, [file], format)))).flat();
    if (format === "cjs" && errors.some((e) => TOP_LEVEL_AWAIT.test(e.text))) return compile(root, files, "esm");
    return [{ file: files[0]!, problems: asProblems(root, files[0]!, errors) }];
  }
  const byEntry = new Map<string, Bundled>();
  const texts = new Map(result.outputFiles!.map((output) => [output.path, output.text]));
  for (const [output, meta] of Object.entries(result.metafile!.outputs)) {
    if (!meta.entryPoint) continue;
    const file = relative(root, resolve(root, meta.entryPoint));
    byEntry.set(file, { file, format, code: texts.get(resolve(root, output))!, inputs: Object.keys(meta.inputs).map((input) => resolve(root, input)) });
  }
  return files.map((file) => byEntry.get(file)!);
}

/**
 * Compiles each declaration file (repository-relative) with everything it imports into one ES module, in
 * this process: esbuild runs no code of the files. Files whose sources did not change since an earlier run
 * come from the bundle cache. A file that does not compile gets its problems instead, placed where esbuild
 * found them (possibly a module it imports).
 */
export async function bundleDeclarations(root: string, files: readonly string[], cache = BundleCache.open(root)): Promise<BundleResult[]> {
  const cached = new Map<string, Bundled | undefined>(files.map((file) => [file, cache.get(file) as Bundled | undefined]));
  const missing = files.filter((file) => !cached.get(file));
  const started = readingStarts();
  const compiled = new Map(missing.length > 0 ? (await compile(root, missing)).map((result) => [result.file, result]) : []);
  for (const result of compiled.values()) if ("code" in result) cache.set(result, started);
  return files.map((file) => cached.get(file) ?? compiled.get(file)!);
}

/**
 * Where `line:column` (1-based) of `bundle.code` came from: the bundle is compiled again with a source map,
 * only when a file threw (the code is the same; esbuild is deterministic).
 */
export async function originalPosition(root: string, bundle: Bundled, line: number, column: number): Promise<{ source: string; line: number; column: number } | undefined> {
  const { build } = await esbuild();
  const result = await build({ ...options(root, [bundle.file], bundle.format), sourcemap: "external", sourcesContent: false });
  const map = result.outputFiles!.find((output) => output.path.endsWith(".map"));
  if (!map) return undefined;
  const entry = new SourceMap(JSON.parse(map.text) as SourceMapPayload).findEntry(line - 1, column - 1);
  // Node 20 returns {} when nothing maps there.
  if (!("originalSource" in entry)) return undefined;
  const original = entry as SourceMapping;
  const source = relative(root, resolve(dirname(map.path), original.originalSource));
  return { source, line: original.originalLine + 1, column: original.originalColumn + 1 };
}
