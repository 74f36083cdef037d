import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { BUNDLE_FILE, bundleCostNotifier, LAMBDA_HANDLERS } from "../src/bundle.ts";

describe("bundleCostNotifier", () => {
  const tempRoot = mkdtempSync(join(tmpdir(), "cost-notifier-"));
  const outdir = join(tempRoot, "lambda");
  afterAll(() => rmSync(tempRoot, { recursive: true, force: true }));

  it("writes a single index.mjs that a plain node process loads without env or credentials", async () => {
    expect(await bundleCostNotifier(outdir)).toBe(outdir);
    expect(readdirSync(outdir)).toEqual([BUNDLE_FILE]);
    expect(LAMBDA_HANDLERS).toEqual({ event: "index.handler", sweep: "index.sweepHandler", transformFailure: "index.transformFailureHandler" });

    const file = pathToFileURL(join(outdir, BUNDLE_FILE)).href;
    const script = `import(${JSON.stringify(file)}).then(m => { if (typeof m.handler !== 'function' || typeof m.sweepHandler !== 'function' || typeof m.transformFailureHandler !== 'function') process.exit(3) })`;
    // A bare environment, like a Lambda container before any configuration is read; cwd outside the repo so
    // nothing resolves from the workspace's node_modules.
    execFileSync(process.execPath, ["-e", script], { cwd: tmpdir(), env: { PATH: process.env.PATH ?? "" }, stdio: "pipe" });

    // Everything bundled, AWS SDK included; minified.
    const size = statSync(join(outdir, BUNDLE_FILE)).size;
    expect(size).toBeGreaterThan(100_000);
    expect(size).toBeLessThan(5_000_000);
  });

  it("handles a malformed event inside the bundle without any AWS call", async () => {
    const file = pathToFileURL(join(outdir, BUNDLE_FILE)).href;
    const script = `import(${JSON.stringify(file)}).then(async m => { const r = await m.handler({ source: 'aws.athena', 'detail-type': 'Athena Query State Change' }); if (r.outcome !== 'malformed') process.exit(4) })`;
    const env = {
      PATH: process.env.PATH ?? "",
      QUERY_LOG_BUCKET: "b",
      IDEMPOTENCY_TABLE: "t",
      SLACK_WEBHOOK_SECRET_ID: "s",
      AWS_REGION: "eu-west-1",
    };
    const stdout = execFileSync(process.execPath, ["-e", script], { cwd: tmpdir(), env, encoding: "utf8" });
    expect(JSON.parse(stdout.trim())).toEqual({ level: "error", msg: "malformed Athena event; dropped", reason: "event has no detail object" });
  });

  it("handles a malformed SNS event inside the bundle without any AWS call", async () => {
    const file = pathToFileURL(join(outdir, BUNDLE_FILE)).href;
    const script = `import(${JSON.stringify(file)}).then(async m => { const r = await m.transformFailureHandler({ Records: [] }); if (r.outcome !== 'malformed') process.exit(4) })`;
    const env = { PATH: process.env.PATH ?? "", QUERY_LOG_BUCKET: "b", IDEMPOTENCY_TABLE: "t", SLACK_WEBHOOK_SECRET_ID: "s", AWS_REGION: "eu-west-1" };
    const stdout = execFileSync(process.execPath, ["-e", script], { cwd: tmpdir(), env, encoding: "utf8" });
    expect(JSON.parse(stdout.trim())).toEqual({ level: "error", msg: "malformed SNS event; dropped", reason: "event has no records" });
  });
});
