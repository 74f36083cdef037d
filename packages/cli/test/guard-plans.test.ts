import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EVENTS_DOMAIN, configSource, domainSource } from "../../platform/test/support.ts";
import { configurationHash, type PlanSource, writePlanSource } from "../src/guard/plan-source.ts";
import type { StackJson } from "../src/guard/synthesize-ref.ts";
import { gitProject, runGit, writeSource } from "./git-support.ts";
import { GUARD_ORGANISATION } from "./guard-support.ts";
import { baikal } from "./support.ts";

/** Saved plans: the guard reads those `baikal plan` made for the head, and says why it leaves the others out. */
const { costMonitor: _, ...ORGANISATION } = GUARD_ORGANISATION;
const project = () => gitProject({ "baikal.config.ts": configSource(ORGANISATION), "domains/web/domain.ts": domainSource(EVENTS_DOMAIN) });

const STACK = "platform-staging";
const lines = (text: string) => text.split("\n").filter(Boolean);

/** What `terraform show -json` writes when the raw bucket's name is a reference whose value changes. */
const REPLACES_BUCKET = {
  resource_changes: [
    {
      address: "aws_s3_bucket.lake_raw",
      type: "aws_s3_bucket",
      change: { actions: ["delete", "create"], before: { bucket: "acme-staging-raw-111111111111" }, replace_paths: [["bucket"]] },
    },
    { address: "aws_glue_catalog_table.view_daily", type: "aws_glue_catalog_table", change: { actions: ["delete"], before: { table_type: "VIRTUAL_VIEW" } } },
  ],
};

/** Synthesizes the stack as `baikal plan` would, then saves `plan` beside it with the source `baikal plan` records. */
function savePlan(root: string, plan: unknown, source: Partial<PlanSource> = {}): void {
  const run = baikal(["synth", STACK], root);
  if (run.code !== 0) throw new Error(run.stderr);
  const dir = join(root, "cdktf.out/stacks", STACK);
  const configuration = configurationHash(JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8")) as StackJson);
  writeFileSync(join(dir, "plan.json"), JSON.stringify(plan));
  writePlanSource(dir, { stack: STACK, target: "offline", commit: runGit(root, ["rev-parse", "HEAD"]), configuration, ...source });
}

describe("guard: saved plans", { timeout: 240_000 }, () => {
  it("blocks a replacement that only the head's saved plan shows", () => {
    const root = project();
    savePlan(root, REPLACES_BUCKET);
    const run = baikal(["guard", "--base", "main"], root);
    expect(run.stdout).toBe(
      `${STACK} aws_s3_bucket.lake_raw: the saved plan replaces it (bucket forces replacement), losing the bucket and every object in it; ` +
        `change the declaration so the plan keeps it; if the data may really go, add {"stack": "${STACK}", "address": "aws_s3_bucket.lake_raw", "reason": "..."} to guard-allow.json\n`,
    );
    expect(run.stderr).toContain(`guard: read the saved plans of ${STACK}\n`);
    expect(run.code).toBe(1);
  });

  it("blocks an update in place that only the saved plan shows: key rotation turned off", () => {
    const root = project();
    const update = { actions: ["update"], before: { enable_key_rotation: true, policy: "{}" }, after: { enable_key_rotation: false }, after_unknown: { policy: true } };
    savePlan(root, { resource_changes: [{ address: "aws_kms_key.lake_key", type: "aws_kms_key", change: update }] });
    const run = baikal(["guard", "--base", "main"], root);
    expect(run.stdout).toBe(
      `${STACK} aws_kms_key.lake_key: key rotation is turned off (enable_key_rotation changes from true to false): the key material that encrypts the data ` +
        `would never rotate again; keep enable_key_rotation true; if it is intended, add {"stack": "${STACK}", "address": "aws_kms_key.lake_key", "change": "key-rotation", "reason": "..."} to guard-allow.json\n`,
    );
    expect(run.code).toBe(1);
  });

  it("ignores a plan made at another commit, so an unchanged tree passes", () => {
    const root = project();
    savePlan(root, REPLACES_BUCKET, { commit: "0123456789abcdef0123456789abcdef01234567" });
    const head = runGit(root, ["rev-parse", "--short=7", "HEAD"]);
    const run = baikal(["guard", "--base", "main"], root);
    expect(run.stdout).toBe("");
    expect(lines(run.stderr)).toContain(
      `guard: ignoring cdktf.out/stacks/${STACK}/plan.json: it was made at commit 0123456, but the head is ${head}; run \`baikal plan ${STACK}\` to guard a plan of the head`,
    );
    expect(run.code).toBe(0);
  });

  it("ignores a plan of another configuration than the working tree synthesizes", () => {
    const root = project();
    savePlan(root, REPLACES_BUCKET, { configuration: "sha256:0000" });
    const run = baikal(["guard", "--base", "main"], root);
    expect(lines(run.stderr)).toContain(
      `guard: ignoring cdktf.out/stacks/${STACK}/plan.json: it was made from another configuration of ${STACK} than the working tree synthesizes (offline); ` +
        `run \`baikal plan ${STACK}\` to guard a plan of the head`,
    );
    expect(run.code).toBe(0);
  });

  it("ignores a plan that does not say what it was made from", () => {
    const root = project();
    mkdirSync(join(root, "cdktf.out/stacks", STACK), { recursive: true });
    writeFileSync(join(root, "cdktf.out/stacks", STACK, "plan.json"), JSON.stringify(REPLACES_BUCKET));
    const run = baikal(["guard", "--base", "main"], root);
    expect(lines(run.stderr)).toContain(
      `guard: ignoring cdktf.out/stacks/${STACK}/plan.json: it has no readable plan-source.json beside it, so nothing says which configuration it was made from; ` +
        `run \`baikal plan ${STACK}\` to guard a plan of the head`,
    );
    expect(run.code).toBe(0);
  });

  it("reads the plan `baikal plan` made for the head, and no longer once the tree changes", { timeout: 900_000 }, () => {
    const root = project();
    const planned = baikal(["plan", "domain-web-staging"], root, { BAIKAL_TARGET: "offline" });
    expect(planned.code, planned.stderr).toBe(0);
    const source = JSON.parse(readFileSync(join(root, "cdktf.out/stacks/domain-web-staging/plan-source.json"), "utf8")) as PlanSource;
    expect(source).toEqual({ stack: "domain-web-staging", target: "offline", commit: runGit(root, ["rev-parse", "HEAD"]), configuration: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    const fresh = baikal(["guard", "--base", "main"], root);
    expect(lines(fresh.stderr)).toContain("guard: read the saved plans of domain-web-staging");
    expect(fresh.code).toBe(0);

    writeSource(root, "domains/web/domain.ts", domainSource({ ...EVENTS_DOMAIN, description: "Web analytics, described anew." }));
    const stale = baikal(["guard", "--base", "main"], root);
    expect(lines(stale.stderr)).toContain(
      "guard: ignoring cdktf.out/stacks/domain-web-staging/plan.json: it was made from another configuration of domain-web-staging than the working tree " +
        "synthesizes (offline); run `baikal plan domain-web-staging` to guard a plan of the head",
    );
    expect(stale.code).toBe(0);
  });
});
