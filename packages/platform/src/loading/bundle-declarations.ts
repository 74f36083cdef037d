import type { SourceMapPayload } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { type BuildFailure, type Message, build } from "esbuild";
import { ownImportMeta, ownImportMetaDefine } from "../bundling/own-import-meta.js";
import type { Problem } from "../problems/problem.ts";
import { loaderMessages as m } from "./loader-messages.ts";

/** One declaration file compiled into a single self-contained ES module, ready for the loader child. */
export interface Bundled {
  readonly file: string;
  readonly code: string;
  /** esbuild's source map of `code` (absolute `sources`), to place a thrown error in the original file. */
  readonly map: SourceMapPayload;
  /** Absolute paths of every file `code` was built from (the file itself, what it imports, declare.ts). */
  readonly inputs: readonly string[];
}

export type BundleResult = Bundled | { readonly file: string; readonly problems: readonly Problem[] };

/** Bundled CommonJS code may `require()` Node built-ins; an ES module has no `require` of its own. */
const REQUIRE_SHIM = 'import { createRequire as __baikalCreateRequire } from "node:module"; const require = __baikalCreateRequire("/");';

const OUTDIR = "/baikal-declarations";

async function bundle(root: string, files: readonly string[]) {
  return build({
    absWorkingDir: root,
    entryPoints: files.map((file) => join(root, file)),
    outbase: root,
    outdir: OUTDIR,
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: "external",
    sourcesContent: false,
    metafile: true,
    banner: { js: REQUIRE_SHIM },
    logLevel: "silent",
    // Evaluated from a data: URL, each module still sees its own file as import.meta.url.
    define: ownImportMetaDefine,
    plugins: [ownImportMeta],
  });
}

const asProblems = (root: string, file: string, messages: readonly Message[]): Problem[] =>
  messages.map((message) => {
    const at = message.location;
    if (!at) return { source: file, message: m.doesNotCompile(message.text) };
    return { source: relative(root, resolve(root, at.file)), line: at.line, column: at.column + 1, message: m.doesNotCompile(message.text) };
  });

/**
 * Compiles each declaration file (repository-relative) with everything it imports into one ES module, in
 * this process: esbuild runs no code of the files. A file that does not compile gets its problems instead,
 * placed where esbuild found them (possibly a module it imports).
 */
export async function bundleDeclarations(root: string, files: readonly string[]): Promise<BundleResult[]> {
  if (files.length === 0) return [];
  let result: Awaited<ReturnType<typeof bundle>>;
  try {
    result = await bundle(root, files);
  } catch (error) {
    const errors = (error as BuildFailure).errors;
    if (!Array.isArray(errors)) throw error;
    // One file's error fails the whole build; build each on its own to know which files it concerns.
    if (files.length === 1) return [{ file: files[0]!, problems: asProblems(root, files[0]!, errors) }];
    return (await Promise.all(files.map((file) => bundleDeclarations(root, [file])))).flat();
  }
  const byEntry = new Map<string, Bundled>();
  const texts = new Map(result.outputFiles.map((output) => [output.path, output.text]));
  for (const [output, meta] of Object.entries(result.metafile.outputs)) {
    if (!meta.entryPoint) continue;
    const file = relative(root, resolve(root, meta.entryPoint));
    const path = resolve(root, output);
    const map = JSON.parse(texts.get(`${path}.map`)!) as SourceMapPayload;
    byEntry.set(file, {
      file,
      code: texts.get(path)!,
      map: { ...map, sources: map.sources.map((source) => resolve(dirname(path), source)) },
      inputs: Object.keys(meta.inputs).map((input) => resolve(root, input)),
    });
  }
  return files.map((file) => byEntry.get(file)!);
}
