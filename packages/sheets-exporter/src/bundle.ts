import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** File the construct zips; the handler string names its export. */
export const BUNDLE_FILE = "index.mjs";
export const LAMBDA_HANDLER = "index.handler";
export const LAMBDA_RUNTIME = "nodejs20.x";

const ENTRY = fileURLToPath(new URL("./lambda.ts", import.meta.url));

/** Bundled CommonJS dependencies `require()` Node built-ins; an ES module bundle needs a real `require` for that. */
const REQUIRE_SHIM = 'import { createRequire as __seCreateRequire } from "node:module"; const require = __seCreateRequire(import.meta.url);';

/**
 * Bundles the Lambda into `<outdir>/index.mjs` and returns `outdir`: the AWS SDK clients and Google's client library
 * included, minified, so behaviour does not change with the runtime's own SDK version.
 */
export async function bundleSheetsExporter(outdir: string): Promise<string> {
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: [ENTRY],
    outfile: join(outdir, BUNDLE_FILE),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    // Prefer the packages' ES module builds: they tree-shake.
    mainFields: ["module", "main"],
    banner: { js: REQUIRE_SHIM },
    minify: true,
    sourcemap: false,
    legalComments: "none",
    logLevel: "silent",
  });
  return outdir;
}
