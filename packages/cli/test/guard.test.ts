import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EVENTS_DOMAIN, ORGANISATION, configSource, domainSource } from "../../platform/test/support.ts";
import { baikal } from "./support.ts";
import { gitProject, writeSource } from "./git-support.ts";

const RENAMED_TABLE = { ...EVENTS_DOMAIN, tables: EVENTS_DOMAIN.tables!.map((t) => ({ ...t, name: "page_hits" })) };

const project = () => gitProject({ "baikal.config.ts": configSource(), "domains/web/domain.ts": domainSource(EVENTS_DOMAIN) });

const allow = (root: string, entries: unknown[]) => writeFileSync(join(root, "guard-allow.json"), JSON.stringify({ allow: entries }, null, 2));

const lines = (text: string) => text.split("\n").filter(Boolean);

describe("baikal guard", () => {
  it("passes when no data-bearing resource changes, saying what it compared", () => {
    const root = project();
    writeSource(root, "domains/web/domain.ts", domainSource({ ...EVENTS_DOMAIN, description: "Web analytics, now described better." }));
    const run = baikal(["guard", "--base", "main"], root);
    expect(run.stdout).toBe("");
    expect(lines(run.stderr).at(-1)).toMatch(
      /^guard: ok: no data-bearing resource is destroyed, replaced or moved against main \([0-9a-f]{7}\); 4 stacks compared$/,
    );
    expect(run.code).toBe(0);
  });

  it("fails when a bucket's name changes, because S3 replaces the bucket", () => {
    const root = project();
    writeSource(root, "baikal.config.ts", configSource({ ...ORGANISATION, name: "acmex" }));
    const run = baikal(["guard", "--base", "main"], root);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toHaveLength(8);
    expect(lines(run.stdout)).toContain(
      'platform-staging aws_s3_bucket.lake_raw: replaced: bucket changes from "acme-staging-raw-111111111111" to "acmex-staging-raw-111111111111", ' +
        "which Terraform cannot change in place, so it destroys the bucket and every object in it and creates an empty one; keep bucket as before; " +
        'if the data may really go, add {"stack": "platform-staging", "address": "aws_s3_bucket.lake_raw", "reason": "..."} to guard-allow.json',
    );
    expect(lines(run.stderr).at(-1)).toMatch(/^guard: 8 data-bearing resources would lose data against main \([0-9a-f]{7}\)$/);
  });

  it("fails when an environment is removed, destroying its buckets, key and database", () => {
    const root = project();
    const { production: _, ...environments } = ORGANISATION.environments;
    writeSource(root, "baikal.config.ts", configSource({ ...ORGANISATION, environments }));
    const run = baikal(["guard", "--base", "main"], root);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toContain(
      "platform-production aws_s3_bucket.lake_raw: destroyed: stack platform-production is no longer synthesized, so " +
        'the bucket and every object in it would be orphaned, or destroyed with the stack; declare it again; if the data may really go, add {"stack": "platform-production", "address": "aws_s3_bucket.lake_raw", "reason": "..."} to guard-allow.json',
    );
    expect(run.stdout).toContain("platform-production aws_kms_key.lake_key: destroyed");
    expect(run.stdout).toContain("domain-web-production aws_glue_catalog_database.database: destroyed");
    expect(run.stdout).not.toContain("-staging ");
  });

  it("fails when a table's name changes, because its Glue table is destroyed", () => {
    const root = project();
    writeSource(root, "domains/web/domain.ts", domainSource(RENAMED_TABLE));
    const run = baikal(["guard", "--base", "main"], root);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual(
      ["staging", "production"].map(
        (env) =>
          `domain-web-${env} aws_glue_catalog_table.table_page_views: destroyed: it is no longer declared, so Terraform destroys the table, its partitions and its grants; ` +
          `declare it again; if the data may really go, add {"stack": "domain-web-${env}", "address": "aws_glue_catalog_table.table_page_views", "reason": "..."} to guard-allow.json`,
      ).sort(),
    );
  });

  it("fails when a saved plan replaces a data-bearing resource that the configurations alone do not show", () => {
    const root = project();
    // What `terraform show -json` writes when the bucket's name is a reference whose value changes.
    const plan = {
      resource_changes: [
        {
          address: "aws_s3_bucket.lake_raw",
          type: "aws_s3_bucket",
          change: { actions: ["delete", "create"], before: { bucket: "acme-staging-raw-111111111111" }, replace_paths: [["bucket"]] },
        },
        { address: "aws_glue_catalog_table.view_daily", type: "aws_glue_catalog_table", change: { actions: ["delete"], before: { table_type: "VIRTUAL_VIEW" } } },
      ],
    };
    mkdirSync(join(root, "cdktf.out/stacks/platform-staging"), { recursive: true });
    writeFileSync(join(root, "cdktf.out/stacks/platform-staging/plan.json"), JSON.stringify(plan));
    const run = baikal(["guard", "--base", "main"], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      "platform-staging aws_s3_bucket.lake_raw: the saved plan replaces it (bucket forces replacement), losing the bucket and every object in it; " +
        'change the declaration so the plan keeps it; if the data may really go, add {"stack": "platform-staging", "address": "aws_s3_bucket.lake_raw", "reason": "..."} to guard-allow.json\n',
    );
  });

  it("passes a change that the allow file accepts with a reason, and says so", () => {
    const root = project();
    writeSource(root, "domains/web/domain.ts", domainSource(RENAMED_TABLE));
    const reason = "page_views was never written to; see #123";
    allow(root, ["staging", "production"].map((env) => ({ stack: `domain-web-${env}`, address: "aws_glue_catalog_table.table_page_views", reason })));
    const run = baikal(["guard", "--base", "main"], root);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`allowed by guard-allow.json: domain-web-staging aws_glue_catalog_table.table_page_views: ${reason}\n`);
    expect(run.code).toBe(0);
  });

  it("fails when an allow entry gives no reason", () => {
    const root = project();
    writeSource(root, "domains/web/domain.ts", domainSource(RENAMED_TABLE));
    allow(root, [{ stack: "domain-web-staging", address: "aws_glue_catalog_table.table_page_views", reason: " " }]);
    const run = baikal(["guard", "--base", "main"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "guard-allow.json: allow[0].reason: say why losing aws_glue_catalog_table.table_page_views and its data is acceptable; reviewers read it\n",
    );
  });

  it("fails when an allow entry names an address that this change does not destroy, replace or move", () => {
    const root = project();
    allow(root, [{ stack: "platform-staging", address: "aws_s3_bucket.lake_raw", reason: "cleaning up" }]);
    const run = baikal(["guard", "--base", "main"], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      "guard-allow.json: allow[0]: platform-staging aws_s3_bucket.lake_raw is not destroyed, replaced or moved by this change; remove the entry\n",
    );
  });

  it("fails when the base ref does not exist", () => {
    const root = project();
    const run = baikal(["guard", "--base", "origin/nope"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "guard: synthesizing origin/nope and the working tree ...\n" +
        'baikal: base ref "origin/nope" does not exist in this repository; name a branch, tag or commit that does (in CI, fetch it first: actions/checkout with fetch-depth: 0)\n',
    );
  });

  it("prints every finding as JSON with --json", () => {
    const root = project();
    writeSource(root, "domains/web/domain.ts", domainSource(RENAMED_TABLE));
    const run = baikal(["guard", "--base", "main", "--json"], root);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as { ok: boolean; stacks: unknown; findings: { stack: string; address: string; kind: string }[] };
    expect(result).toMatchObject({ ok: false, stacks: { base: 4, head: 4 } });
    expect(result.findings.map((f) => [f.stack, f.address, f.kind])).toEqual([
      ["domain-web-production", "aws_glue_catalog_table.table_page_views", "destroy"],
      ["domain-web-staging", "aws_glue_catalog_table.table_page_views", "destroy"],
    ]);
  });
});
