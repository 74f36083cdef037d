/**
 * The cdktf app entry (`cdktf.json`): `cdktf synth`, `cdktf plan <stack>` and `cdktf apply <stack>` run it.
 * Everything else (check, plan tables, tests) calls the same `loadProject` and `buildApp` in-process.
 */
import { join } from "node:path";
import { buildApp } from "../compiler/build-app.ts";
import { loadProject } from "../loading/load-project.ts";
import { DeclarationError } from "../problems/problem.ts";
import { targetFromEnvironment } from "../stacks/deploy-target.ts";
import { prepareStackFolders } from "../workspace/stack-folders.ts";

try {
  const project = await loadProject();
  const stacks = process.env.BAIKAL_STACKS?.split(",").filter(Boolean);
  const outdir = process.env.CDKTF_OUTDIR ?? join(project.root, "cdktf.out");
  const built = await buildApp(project, { target: targetFromEnvironment(), outdir, stacks });
  built.app.synth();
  // cdktf then runs Terraform in each stack folder: the provider mirror of .baikal/local.json must be found there.
  prepareStackFolders(project.root, outdir, built.stacks.map((s) => s.node.id));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
