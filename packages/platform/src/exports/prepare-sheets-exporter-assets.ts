import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { bundleSheetsExporter } from "./sheets-exporter-package.ts";

/** The bundled Google Sheets exporter, for domain stacks with a google-sheets export. */
export interface SheetsExporterAssets {
  /** Absolute path of the folder holding `index.mjs`; zipped per stack by a TerraformAsset. */
  readonly codeDirectory: string;
}

export const SHEETS_EXPORTER_SOURCE_DIR = join("assets-src", "sheets-exporter");

/**
 * Bundles the exporter into `<outdir>/assets-src/sheets-exporter` (emptied first, so nothing stale ships). The app
 * builder awaits it once, before any domain stack that needs it, as it does for the cost notifier.
 */
export async function prepareSheetsExporterAssets(outdir: string): Promise<SheetsExporterAssets> {
  const dir = resolve(outdir, SHEETS_EXPORTER_SOURCE_DIR);
  await rm(dir, { recursive: true, force: true });
  return { codeDirectory: await bundleSheetsExporter(dir) };
}
