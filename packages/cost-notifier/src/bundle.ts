import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** File the construct zips; the handler strings name its exports (`index.handler`, ...). */
export const BUNDLE_FILE = "index.mjs";
export const LAMBDA_HANDLERS = { event: "index.handler", sweep: "index.sweepHandler", transformFailure: "index.transformFailureHandler" } as const;
export const LAMBDA_RUNTIME = "nodejs20.x";

const ENTRY = fileURLToPath(new URL("./lambda.ts", import.meta.url));

/**
 * Some bundled CommonJS dependencies `require()` Node built-ins; in an ES module bundle esbuild's shim cannot
 * do that ("Dynamic require of "buffer" is not supported"), so give the bundle a real `require`.
 */
const REQUIRE_SHIM = 'import { createRequire as __cnCreateRequire } from "node:module"; const require = __cnCreateRequire(import.meta.url);';

/**
 * Bundles the Lambda (every handler) into `<outdir>/index.mjs` and returns `outdir`.
 * Everything is bundled, the AWS SDK included, so behaviour does not change with the runtime's SDK version.
 * `.mjs` makes Node load it as an ES module without a package.json next to it (nodejs20.x supports ESM handlers).
 */
export async function bundleCostNotifier(outdir: string): Promise<string> {
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: [ENTRY],
    outfile: join(outdir, BUNDLE_FILE),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    // Prefer the packages' ES module builds: they tree-shake; the CommonJS builds pull in whole clients.
    mainFields: ["module", "main"],
    banner: { js: REQUIRE_SHIM },
    minify: true,
    sourcemap: false,
    legalComments: "none",
    // Errors reject the promise with esbuild's own messages; nothing else should print during a synth.
    logLevel: "silent",
  });
  return outdir;
}
