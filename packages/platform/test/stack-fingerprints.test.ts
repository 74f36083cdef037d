/**
 * Soundness of stack fingerprints: `affected` and `guard` skip synthesizing a stack whose fingerprint is the
 * same on both sides, so equal fingerprints must mean equal Terraform. Each case copies the Newsly fixture,
 * changes one thing, synthesizes every stack of both copies and compares.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/compiler/build-app.ts";
import { stackFingerprints } from "../src/compiler/stack-fingerprints.ts";
import { loadProject } from "../src/loading/load-project.ts";
import { newslyFiles, writeProject } from "./support.ts";

const withoutMetadata = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(withoutMetadata)
    : typeof value === "object" && value !== null
      ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== "//").map(([k, v]) => [k, withoutMetadata(v)]))
      : value;

async function fingerprintAndSynth(files: Record<string, string>) {
  const root = writeProject(files);
  const project = await loadProject(root);
  const fingerprints = stackFingerprints(project);
  const outdir = mkdtempSync(join(tmpdir(), "baikal-fingerprint-out-"));
  const { app } = await buildApp(project, { target: "offline", outdir });
  app.synth();
  const stacks = new Map<string, string>();
  for (const name of fingerprints.keys()) {
    // Asset folders are named by content hash, so the same bundle has the same path in both copies.
    const json = JSON.parse(readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8")) as unknown;
    stacks.set(name, JSON.stringify(withoutMetadata(json)));
  }
  return { root, fingerprints, stacks, relativeTo: (p: string) => relative(root, p) };
}

const edit = (files: Record<string, string>, path: string, from: string, to: string) => {
  if (!files[path]?.includes(from)) throw new Error(`${path} does not contain ${from}`);
  return { ...files, [path]: files[path]!.replace(from, to) };
};

describe("stack fingerprints", async () => {
  const baseFiles = newslyFiles();
  const base = await fingerprintAndSynth(baseFiles);

  async function compare(changed: Record<string, string>) {
    const head = await fingerprintAndSynth(changed);
    const differentFingerprint = [...head.fingerprints.keys()].filter((s) => head.fingerprints.get(s) !== base.fingerprints.get(s));
    const differentTerraform = [...head.stacks.keys()].filter((s) => head.stacks.get(s) !== base.stacks.get(s));
    return { differentFingerprint, differentTerraform };
  }

  it("gives every stack a different fingerprint from every other, and the same one to an unchanged copy", async () => {
    expect(new Set(base.fingerprints.values()).size).toBe(base.fingerprints.size);
    const again = await compare(baseFiles);
    expect(again).toEqual({ differentFingerprint: [], differentTerraform: [] });
  });

  it("changes only the fingerprints of the stacks a view's SQL reaches, including every stack whose Terraform changes", async () => {
    const changed = edit(baseFiles, "domains/ads/views/campaign_ctr.sql", "GROUP BY i.dt", "WHERE i.campaign_id IS NOT NULL\nGROUP BY i.dt");
    const { differentFingerprint, differentTerraform } = await compare(changed);
    expect(differentTerraform.length).toBeGreaterThan(0);
    expect(differentFingerprint).toEqual(expect.arrayContaining(differentTerraform));
    expect(differentFingerprint.filter((s) => s.startsWith("domain-sales-"))).toEqual([]);
  });

  it("changes the fingerprints of the stacks holding a grant's permissions when a grant is added", async () => {
    const changed = edit(baseFiles, "domains/sales/domain.ts", '{ to: "data_science", table: "crm_accounts" },', '{ to: "data_science", table: "crm_accounts" },\n    { to: "redash", table: "crm_accounts", columns: ["account_id"] },');
    const { differentFingerprint, differentTerraform } = await compare(changed);
    expect(differentTerraform).toEqual(expect.arrayContaining(["domain-sales-staging", "domain-sales-production"]));
    expect(differentFingerprint).toEqual(expect.arrayContaining(differentTerraform));
    expect(differentFingerprint.filter((s) => s.startsWith("domain-news-") || s.startsWith("domain-ads-"))).toEqual([]);
  });

  it("changes every stack's fingerprint when the organisation changes", async () => {
    const changed = edit(baseFiles, "baikal.config.ts", "athena: { scanLimitBytes: 100 * 1024 ** 3 }", "athena: { scanLimitBytes: 200 * 1024 ** 3 }");
    const { differentFingerprint, differentTerraform } = await compare(changed);
    expect(differentFingerprint).toEqual([...base.fingerprints.keys()]);
    expect(differentFingerprint).toEqual(expect.arrayContaining(differentTerraform));
  });
});
