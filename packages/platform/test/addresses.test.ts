import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/compiler/build-app.ts";
import { findProjectRoot, loadProject } from "../src/loading/load-project.ts";
import type { Project } from "../src/loading/project.ts";
import { domainStackName } from "../src/naming/names.ts";
import { NEWSLY_ROOT } from "./support.ts";

/** Every stack's Terraform addresses (`type.name`, `data.type.name`), sorted. */
async function addressesOf(project: Project): Promise<Map<string, string[]>> {
  const { stacks } = await buildApp(project, { target: "offline", outdir: Testing.app().outdir });
  return new Map(
    stacks.map((stack) => {
      const json = JSON.parse(Testing.synth(stack)) as Record<string, Record<string, Record<string, unknown>>>;
      const list = ["resource", "data"].flatMap((kind) =>
        Object.entries(json[kind] ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${kind === "data" ? "data." : ""}${type}.${name}`)),
      );
      return [stack.node.id, list.sort()];
    }),
  );
}

/**
 * Terraform addresses come from construct ids, and renaming one destroys the resource it names. One snapshot
 * file per stack of the Newsly fixture makes any change to how Baikal names resources visible in review; update
 * them only on purpose (`pnpm vitest run packages/platform/test/addresses.test.ts -u`).
 */
describe("Terraform addresses", () => {
  it("of the Newsly fixture's stacks stay the same unless Baikal changes on purpose", async () => {
    for (const [stack, addresses] of await addressesOf(await loadProject(NEWSLY_ROOT))) {
      await expect(`${addresses.join("\n")}\n`).toMatchFileSnapshot(`__snapshots__/addresses/${stack}.txt`);
    }
  });

  it("of this repository's stacks name every declared table, view and transform after itself, whatever the domains", async () => {
    const project = await loadProject(findProjectRoot(import.meta.dirname));
    const stacks = await addressesOf(project);
    for (const domain of project.domains) {
      const expected = [
        "aws_glue_catalog_database.database",
        ...(domain.tables ?? []).map((t) => `aws_glue_catalog_table.table_${t.name}`),
        ...project.views.filter((v) => v.domain === domain.name).map((v) => `aws_glue_catalog_table.view_${v.name}`),
        ...(domain.transforms ?? []).map((t) => `aws_sfn_state_machine.transform_${t.name}`),
      ];
      for (const environment of Object.keys(project.organisation.environments)) {
        const stack = domainStackName(domain.name, environment);
        expect(stacks.get(stack), stack).toEqual(expect.arrayContaining(expected));
      }
    }
  });
});
