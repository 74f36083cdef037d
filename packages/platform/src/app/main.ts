/**
 * The cdktf app entry (`cdktf.json`): `cdktf synth`, `cdktf plan <stack>` and `cdktf apply <stack>` run it.
 * Everything else (check, plan tables, tests) calls the same `loadProject` and `buildApp` in-process.
 */
import { buildApp } from "../compiler/build-app.ts";
import { loadProject } from "../loading/load-project.ts";
import { DeclarationError } from "../problems/problem.ts";
import { targetFromEnvironment } from "../stacks/deploy-target.ts";

try {
  const project = await loadProject();
  const stacks = process.env.BAIKAL_STACKS?.split(",").filter(Boolean);
  const { app } = await buildApp(project, { target: targetFromEnvironment(), outdir: process.env.CDKTF_OUTDIR, stacks });
  app.synth();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
