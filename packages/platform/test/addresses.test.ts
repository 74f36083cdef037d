import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/compiler/build-app.ts";
import { loadProject } from "../src/loading/load-project.ts";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * Terraform addresses come from construct ids, and renaming one destroys the resource it names. This snapshot
 * of every example stack's addresses makes any such change visible in review; update it only on purpose.
 */
describe("Terraform addresses of the example stacks", () => {
  it("stay the same unless a declaration changes", async () => {
    const project = await loadProject(REPO_ROOT);
    const { stacks } = await buildApp(project, { target: "offline", outdir: Testing.app().outdir });
    const addresses = Object.fromEntries(
      stacks.map((stack) => {
        const json = JSON.parse(Testing.synth(stack)) as Record<string, Record<string, Record<string, unknown>>>;
        const list = ["resource", "data"].flatMap((kind) =>
          Object.entries(json[kind] ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${kind === "data" ? "data." : ""}${type}.${name}`)),
        );
        return [stack.node.id, list.sort()];
      }),
    );
    expect(addresses).toMatchSnapshot();
  });
});
