/** A worker thread of `analyzeMany`: analyses the batches it is sent against the catalog it started with. */
import { parentPort, workerData } from "node:worker_threads";
import { analyzeView } from "../analysis/analyze-view.ts";
import { createCatalog } from "../catalog.ts";
import { parseSql } from "../parse/parser.ts";
import type { BatchReply, BatchRequest, WorkerInput } from "./protocol.ts";

const port = parentPort!;
const catalog = createCatalog((workerData as WorkerInput).relations, (workerData as WorkerInput).unavailable);
parseSql("SELECT 1"); // loads and warms the grammar before the first batch arrives
port.postMessage({ ready: true } satisfies BatchReply);
port.on("message", ({ jobs }: BatchRequest) => {
  const analyses = jobs.map((job) => analyzeView(job.sql, { defaultDatabase: job.defaultDatabase, catalog }));
  port.postMessage({ analyses } satisfies BatchReply);
});
