// A worker thread starts without the parent's module hooks, and @baikal/sql is TypeScript run through
// tsx (no build step), so the worker registers tsx itself before loading the analysis.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
