/** A worker thread of `synthesizeProject`: builds and synthesizes its share of the stacks into its own folder. */
import { parentPort, workerData } from "node:worker_threads";
import type { Project } from "../loading/project.ts";
import type { DeployTarget } from "../stacks/deploy-target.ts";
import { buildApp } from "./build-app.ts";
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
  const { app } = await buildApp(shard.project, { target: shard.target, outdir: shard.outdir, stacks: shard.stacks, sheetsExporterAssets: shard.sheetsExporterAssets });
  app.synth();
  parentPort.postMessage("done");
}
