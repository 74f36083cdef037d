/** A worker thread of `synthesizeProject`: builds and synthesizes its share of the stacks into its own folder. */
import { parentPort, workerData } from "node:worker_threads";
import type { Project } from "../loading/project.ts";
import type { DeployTarget } from "../stacks/deploy-target.ts";
import { buildApp } from "./build-app.ts";
import { ViewAnalysisCache } from "../caching/analysis-cache.ts";
import { loadSqlAnalyser, useAnalysisCache } from "../caching/cached-analysis.ts";
import type { SheetsExporterAssets } from "../exports/prepare-sheets-exporter-assets.ts";

export interface SynthShard {
  readonly project: Project;
  readonly target: DeployTarget;
  readonly outdir: string;
  readonly stacks: readonly string[];
  /** The Google Sheets exporter, bundled once by the main thread for every shard. */
  readonly sheetsExporterAssets?: SheetsExporterAssets;
}

if (parentPort) {
  const shard = workerData as SynthShard;
  // Compiling the grants analyses row filters again: from the analyses the check saved, else with the analyser.
  useAnalysisCache(ViewAnalysisCache.open(shard.project.root));
  await loadSqlAnalyser();
  const { app } = await buildApp(shard.project, { target: shard.target, outdir: shard.outdir, stacks: shard.stacks, sheetsExporterAssets: shard.sheetsExporterAssets });
  app.synth();
  parentPort.postMessage("done");
}
