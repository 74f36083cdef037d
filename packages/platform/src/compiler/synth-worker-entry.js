// A worker thread starts without the parent's module hooks, and the platform is TypeScript run through tsx
// (no build step), so the worker registers tsx itself before loading the synthesis.
import { register } from "tsx/esm/api";

register();
await import("./synth-worker.ts");
