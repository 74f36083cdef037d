// The CLI runs from a compiled bundle: one ES module (plus lazily loaded chunks) built by esbuild from
// packages/cli/src and the workspace packages it imports. Compiling TypeScript at every start (tsx) cost
// about a second; checking that the bundle is current costs a few milliseconds.
//
// The bundle lives in packages/cli/node_modules/.cache/baikal-cli/<checkout>/ and is rebuilt whenever one
// of its sources changes: the manifest lists every input file with its size and modification time, and a
// content hash of all of them. Unchanged sizes and times mean current; otherwise the content hash decides
// (a checkout that touched files without changing them needs no build). A developer's edit is never stale,
// and a fresh clone or CI builds it on its first run (about a second).
//
// Packages from node_modules stay outside the bundle (imported by absolute path, so Node loads them as
// usual), except those listed in BUNDLED_PACKAGES.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const CLI_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const REPO_ROOT = resolve(CLI_DIR, "../..");
const ENTRY = join(CLI_DIR, "src/main.ts");
const FORMAT = 1;

/**
 * dt-sql-parser's ES build imports its own files without extensions, which only a bundler resolves; zod (95
 * modules) and commander load faster as part of the bundle than file by file.
 */
const BUNDLED_PACKAGES = ["dt-sql-parser", "zod", "commander"];

/** Bundled CommonJS (commander) `require()`s Node built-ins; an ES module has no `require` of its own. */
const REQUIRE_SHIM = 'import { createRequire as __baikalCreateRequire } from "node:module"; const require = __baikalCreateRequire(import.meta.url);';

const hash = (data) => createHash("sha256").update(data).digest("hex");
const CACHE_ROOT = join(CLI_DIR, "node_modules/.cache/baikal-cli");
/** One folder per checkout: the bundle holds absolute paths (sources, node_modules), so it is not portable. */
const cacheDir = () => join(CACHE_ROOT, hash(realpathSync(CLI_DIR)).slice(0, 16));

/** Files that change what the bundle resolves to without being part of it: package manifests and the install. */
function resolutionInputs() {
  const files = [join(REPO_ROOT, "package.json"), join(REPO_ROOT, "pnpm-lock.yaml"), join(REPO_ROOT, "node_modules/.modules.yaml"), fileURLToPath(import.meta.url)];
  const packages = join(REPO_ROOT, "packages");
  if (existsSync(packages)) for (const name of readdirSync(packages)) files.push(join(packages, name, "package.json"));
  return files.filter((file) => existsSync(file));
}

function statOf(file) {
  try {
    const stats = statSync(file);
    return { size: stats.size, mtimeMs: stats.mtimeMs };
  } catch {
    return undefined;
  }
}

const contentHash = (files) => {
  const digest = createHash("sha256");
  for (const file of files) digest.update(`${relative(REPO_ROOT, file)}\0`).update(readFileSync(file)).update("\0");
  return digest.digest("hex");
};

function readManifest(dir) {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    return manifest.format === FORMAT && existsSync(join(dir, manifest.build, "main.mjs")) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

function writeManifest(dir, manifest) {
  const temporary = join(dir, `manifest.${process.pid}.tmp`);
  writeFileSync(temporary, JSON.stringify(manifest));
  renameSync(temporary, join(dir, "manifest.json"));
}

/** Whether the manifest's bundle was built from the files as they are now. */
function isCurrent(dir, manifest) {
  const files = Object.keys(manifest.inputs);
  if (files.every((file) => { const now = statOf(file); const then = manifest.inputs[file]; return now && now.size === then.size && now.mtimeMs === then.mtimeMs; })) return true;
  if (!files.every((file) => existsSync(file)) || contentHash(files) !== manifest.stamp) return false;
  // Same content, new times (a checkout, a touch): remember the times so the next start is quick again.
  try {
    writeManifest(dir, { ...manifest, inputs: Object.fromEntries(files.map((file) => [file, statOf(file)])) });
  } catch {
    // Read-only cache: still current, only slower to tell.
  }
  return true;
}

/** Node modules stay external, by absolute path (the bundle lives elsewhere), except BUNDLED_PACKAGES. */
const externalPackages = {
  name: "baikal-external-packages",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === "resolving" || args.path.startsWith("node:")) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: "resolving" });
      if (resolved.errors.length > 0 || !resolved.path.includes("/node_modules/")) return resolved.errors.length > 0 ? undefined : resolved;
      if (BUNDLED_PACKAGES.some((name) => resolved.path.includes(`/node_modules/${name}/`))) return resolved;
      return { path: resolved.path, external: true };
    });
  },
};

async function build(dir) {
  const [{ build: esbuild }, { ownImportMeta, ownImportMetaDefine }] = await Promise.all([
    import("esbuild"),
    import("@baikal/platform/bundling/own-import-meta"),
  ]);
  const name = `build-${Date.now().toString(36)}-${process.pid}`;
  const outdir = join(dir, name);
  const result = await esbuild({
    absWorkingDir: REPO_ROOT,
    entryPoints: { main: ENTRY },
    outdir,
    bundle: true,
    // Dynamic imports (synth's cdktf, backfill's AWS SDK, the SQL grammar) become chunks loaded on use.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunk-[hash]",
    metafile: true,
    logLevel: "silent",
    banner: { js: REQUIRE_SHIM },
    define: ownImportMetaDefine,
    plugins: [ownImportMeta, externalPackages],
  });
  const sources = Object.keys(result.metafile.inputs)
    .map((input) => resolve(REPO_ROOT, input))
    .filter((file) => !file.includes("/node_modules/"));
  const plugin = fileURLToPath(import.meta.resolve("@baikal/platform/bundling/own-import-meta"));
  const inputs = [...new Set([...sources, ...resolutionInputs(), plugin])].sort();
  writeManifest(dir, { format: FORMAT, stamp: contentHash(inputs), build: name, cliDir: CLI_DIR, inputs: Object.fromEntries(inputs.map((file) => [file, statOf(file)])) });
  removeOldBuilds(dir, name);
  removeGoneCheckouts();
  return join(outdir, "main.mjs");
}

/** Keeps the newest builds (a long-running `check --watch` may still load chunks of its own), removes the rest. */
function removeOldBuilds(dir, current, keep = 3) {
  const builds = readdirSync(dir)
    .filter((entry) => entry.startsWith("build-") && entry !== current)
    .map((entry) => ({ entry, mtimeMs: statOf(join(dir, entry))?.mtimeMs ?? 0 }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { entry } of builds.slice(keep - 1)) rmSync(join(dir, entry), { recursive: true, force: true });
}

/**
 * Removes the bundles of checkouts that no longer exist: `affected` and `guard` run the base's own CLI in a
 * temporary tree whose node_modules links to this one's, so its bundle lands here too.
 */
function removeGoneCheckouts() {
  for (const entry of readdirSync(CACHE_ROOT)) {
    const manifest = readManifest(join(CACHE_ROOT, entry));
    if (manifest && manifest.cliDir && !existsSync(manifest.cliDir)) rmSync(join(CACHE_ROOT, entry), { recursive: true, force: true });
  }
}

/**
 * The URL of the compiled CLI's main module, built first when missing or out of date; undefined when it
 * cannot be built here (no esbuild, a source that does not compile): the caller then runs the sources.
 */
export async function compiledCli() {
  try {
    const dir = cacheDir();
    const manifest = readManifest(dir);
    if (manifest && isCurrent(dir, manifest)) return pathToFileURL(join(dir, manifest.build, "main.mjs")).href;
    mkdirSync(dir, { recursive: true });
    return pathToFileURL(await build(dir)).href;
  } catch {
    return undefined;
  }
}
