import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { synthesizeProject } from "../src/compiler/synthesize.ts";
import { loadProject } from "../src/loading/load-project.ts";
import { stackNames } from "../src/naming/stack-names.ts";
import { NEWSLY_ROOT } from "./support.ts";

function written(outdir: string): Record<string, unknown> {
  // The manifest is compared as data: cdktf's own writer lays out empty arrays differently.
  const files: Record<string, unknown> = { "manifest.json": JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) };
  for (const stack of readdirSync(join(outdir, "stacks"))) {
    files[stack] = readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8");
  }
  return files;
}

describe("synthesizeProject", () => {
  it("writes, from worker threads, exactly the files one thread writes, with one manifest listing every stack", async () => {
    const project = await loadProject(NEWSLY_ROOT);
    const single = mkdtempSync(join(tmpdir(), "baikal-synth-single-"));
    const parallel = mkdtempSync(join(tmpdir(), "baikal-synth-parallel-"));
    const names = await synthesizeProject(project, { target: "offline", outdir: single, workers: 0 });
    expect(await synthesizeProject(project, { target: "offline", outdir: parallel, workers: 2, minStacksForWorkers: 1 })).toEqual(names);
    const expected = written(single);
    expect(Object.keys(expected).sort()).toEqual(["manifest.json", ...names].sort());
    expect(written(parallel)).toEqual(expected);
    expect(readdirSync(parallel).sort()).toEqual(readdirSync(single).sort()); // no shard folders left behind
  });

  it("keeps Terraform's working files (.terraform, lock file, saved plan) when worker threads write a stack again", async () => {
    const project = await loadProject(NEWSLY_ROOT);
    const outdir = mkdtempSync(join(tmpdir(), "baikal-synth-again-"));
    // Two domain stacks and one worker: the second stack is written by the worker thread.
    const stacks = stackNames(project).filter((s) => s.owner !== "platform" && s.owner !== "consumer").slice(0, 2).map((s) => s.name);
    const options = { target: "offline", outdir, stacks, workers: 1, minStacksForWorkers: 1 } as const;
    await synthesizeProject(project, options);
    const dir = join(outdir, "stacks", stacks[1]!);
    mkdirSync(join(dir, ".terraform", "providers"), { recursive: true });
    writeFileSync(join(dir, ".terraform.lock.hcl"), "# lock\n");
    writeFileSync(join(dir, "plan.tfplan"), "plan");
    await synthesizeProject(project, options);
    expect(readdirSync(dir).sort()).toEqual([".terraform", ".terraform.lock.hcl", "cdk.tf.json", "plan.tfplan"]);
    expect(readdirSync(join(dir, ".terraform"))).toEqual(["providers"]);
  });

  it("fails before writing anything when a stack name is unknown", async () => {
    const project = await loadProject(NEWSLY_ROOT);
    const outdir = mkdtempSync(join(tmpdir(), "baikal-synth-unknown-"));
    await expect(synthesizeProject(project, { target: "offline", outdir, stacks: ["domain-nope-staging"] })).rejects.toThrow(
      /^unknown stack domain-nope-staging; stacks: platform-staging, /,
    );
    expect(readdirSync(outdir)).toEqual([]);
  });
});
