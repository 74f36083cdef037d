import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { bundleCostNotifier } from "./notifier-package.ts";

/** What the cost monitor needs from the file system before any construct exists. */
export interface CostMonitorAssets {
  /** Absolute path of the folder holding the bundled Lambda (`index.mjs`); zipped per stack by a TerraformAsset. */
  readonly codeDirectory: string;
}

/** Where the bundle goes, beside the synthesized stacks; the zip each stack references is made from it. */
export const COST_NOTIFIER_SOURCE_DIR = join("assets-src", "cost-notifier");

/**
 * Bundles the cost-notifier Lambda into `<outdir>/assets-src/cost-notifier`. Bundling is asynchronous (esbuild)
 * and constructs are not, so the app builder awaits this once, before creating any platform stack, and every
 * environment's stack zips the same folder. The folder is emptied first so nothing stale is ever shipped.
 */
export async function prepareCostMonitorAssets(outdir: string): Promise<CostMonitorAssets> {
  const dir = resolve(outdir, COST_NOTIFIER_SOURCE_DIR);
  await rm(dir, { recursive: true, force: true });
  return { codeDirectory: await bundleCostNotifier(dir) };
}
