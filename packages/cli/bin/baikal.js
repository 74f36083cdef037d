#!/usr/bin/env node
// The CLI and the domain declarations it loads are TypeScript; tsx compiles them on the fly
// (esbuild, no build step), so a domain team's edit is checked the moment it is saved.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv);
