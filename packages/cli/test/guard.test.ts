import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EVENTS_DOMAIN, ORGANISATION, configSource, domainSource } from "../../platform/test/support.ts";
import { baikal } from "./support.ts";
import { gitProject, writeSource } from "./git-support.ts";

const RENAMED_TABLE = { ...EVENTS_DOMAIN, tables: EVENTS_DOMAIN.tables!.map((t) => ({ ...t, name: "page_hits" })) };
const MOVED_TABLE = { ...EVENTS_DOMAIN, tables: EVENTS_DOMAIN.tables!.map((t) => ({ ...t, location: "hits/" })) };

const project = () => gitProject({ "baikal.config.ts": configSource(), "domains/web/domain.ts": domainSource(EVENTS_DOMAIN) });

const allow = (root: string, entries: unknown[]) => writeFileSync(join(root, "guard-allow.json"), JSON.stringify({ allow: entries }, null, 2));

const lines = (text: string) => text.split("\n").filter(Boolean);

describe("baikal guard", { timeout: 240_000 }, () => {
  it("passes when no data-bearing resource changes, saying what it compared", () => {
    const root = project();
    writeSource(root, "domains/web/domain.ts", domainSource({ ...EVENTS_DOMAIN, description: "Web analytics, now described better." }));
    const run = baikal(["guard", "--base", "main"], root);
    expect(run.stdout).toBe("");
    expect(lines(run.stderr).at(-1)).toMatch(
      /^guard: ok: nothing loses data against main \([0-9a-f]{7}\): no data-bearing resource is destroyed, replaced or moved, and no change in place orphans data or weakens its protection; 4 stacks compared$/,
    );
    expect(run.code).toBe(0);
  });

  it("fails when a bucket's name changes, because S3 replaces the bucket", () => {
    const root = project();
    writeSource(root, "baikal.config.ts", configSource({ ...ORGANISATION, name: "acmex" }));
    const run = baikal(["guard", "--base", "main"], root);
    expect(run.code).toBe(1);
    // Four buckets per environment, and the table whose files stay in the old raw bucket.
    expect(lines(run.stdout)).toHaveLength(10);
    expect(lines(run.stdout)).toContain(
      'platform-staging aws_s3_bucket.lake_raw: replaced: bucket changes from "acme-staging-raw-111111111111" to "acmex-staging-raw-111111111111", ' +
        "which Terraform cannot change in place, so it destroys the bucket and every object in it and creates an empty one; keep bucket as before; " +
        'if the data may really go, add {"stack": "platform-staging", "address": "aws_s3_bucket.lake_raw", "reason": "..."} to guard-allow.json',
    );
    expect(lines(run.stderr).at(-1)).toMatch(
      /^guard: 10 changes would lose data or weaken its protection against main \([0-9a-f]{7}\); fix each, or allow it in guard-allow.json with a reason$/,
    );
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

  it("passes a change in place that allow entries accept for its class of change", () => {
    const root = project();
    writeSource(root, "domains/web/domain.ts", domainSource(MOVED_TABLE));
    const reason = "files copied to web/hits/ first; see #124";
    allow(root, ["staging", "production"].map((env) => ({ stack: `domain-web-${env}`, address: "aws_glue_catalog_table.table_page_views", change: "location", reason })));
    const run = baikal(["guard", "--base", "main"], root);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`allowed by guard-allow.json: domain-web-staging aws_glue_catalog_table.table_page_views (location): ${reason}\n`);
    expect(run.code).toBe(0);
  });

  it("fails when an allow entry for a change in place leaves out its change, and names the one it needs", () => {
    const root = project();
    writeSource(root, "domains/web/domain.ts", domainSource(MOVED_TABLE));
    allow(root, [{ stack: "domain-web-staging", address: "aws_glue_catalog_table.table_page_views", reason: "copied" }]);
    const run = baikal(["guard", "--base", "main"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'guard-allow.json: allow[0]: domain-web-staging aws_glue_catalog_table.table_page_views is not destroyed, replaced or moved by this change; its finding needs "change": "location" in the entry\n',
    );
  });

  it("fails when an allow entry names a change the guard does not know, or one this change does not make", () => {
    const root = project();
    allow(root, [
      { stack: "domain-web-staging", address: "aws_glue_catalog_table.table_page_views", change: "path", reason: "copied" },
      { stack: "domain-web-staging", address: "aws_glue_catalog_table.table_page_views", change: "format", reason: "converted" },
    ]);
    const run = baikal(["guard", "--base", "main"], root);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual(
      expect.arrayContaining([
        'guard-allow.json: allow[0].change: "path" is not a change the guard blocks (changes: location, zone, format, partition-keys, columns, ingestion, retention, ' +
          "key-rotation, key-disabled, key-policy, lake-formation-admin, deploy-role, lf-tag-values); leave it out for a destroy, replace or move",
        "guard-allow.json: allow[1]: this change does not change the table's storage format at domain-web-staging aws_glue_catalog_table.table_page_views; remove the entry",
      ]),
    );
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
