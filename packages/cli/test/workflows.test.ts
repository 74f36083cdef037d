import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./support.ts";

/**
 * The workflows are linted with action-validator (the GitHub workflow schema plus path checks), a root
 * devDependency: WebAssembly, so it installs from npm with no binary download.
 */
const validator = join(REPO_ROOT, "node_modules/.bin/action-validator");
const workflows = readdirSync(join(REPO_ROOT, ".github/workflows")).filter((f) => f.endsWith(".yml"));

describe("GitHub workflows", () => {
  it.each(workflows)("%s passes action-validator", (file) => {
    const run = spawnSync(validator, [join(".github/workflows", file)], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("annotates each problem of baikal check on the pull request's diff", () => {
    const workflow = readFileSync(join(REPO_ROOT, ".github/workflows/pull-request.yml"), "utf8");
    expect(workflow).toContain("run: pnpm check --format github\n");
  });

  it("fails a workflow with a misspelt key, so a clean run means something", () => {
    const dir = mkdtempSync(join(tmpdir(), "baikal-workflow-"));
    writeFileSync(join(dir, "bad.yml"), "name: bad\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo\n");
    const run = spawnSync(validator, ["bad.yml"], { cwd: dir, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain("Additional property 'stepz' is not allowed");
  });
});
