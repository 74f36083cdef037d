#!/usr/bin/env node
// The CLI is TypeScript. It runs from a bundle compiled by esbuild and rebuilt whenever a source changes
// (compiled-cli.js); with BAIKAL_COMPILED=off, or when the bundle cannot be built, from the sources
// through tsx. Domain declarations are compiled separately, by the loader, on every run.
import { compiledCli } from "./compiled-cli.js";

const compiled = process.env.BAIKAL_COMPILED === "off" ? undefined : await compiledCli();
let main;
if (compiled) {
  ({ main } = await import(compiled));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/main.ts"));
}
process.exitCode = await main(process.argv);
