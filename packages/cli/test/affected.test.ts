import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DomainInput } from "../../platform/src/declarations/domain.ts";
import { ADS_DOMAIN, DAILY_IMPRESSIONS_SQL, EVENTS_DOMAIN, ORGANISATION, configSource, domainSource } from "../../platform/test/support.ts";
import { baikal } from "./support.ts";
import { gitProject, writeSource } from "./git-support.ts";

const ADS = ADS_DOMAIN;
const VIEW = "domains/ads/views/daily_impressions.sql";
const DAILY_SQL = DAILY_IMPRESSIONS_SQL;

const project = () =>
  gitProject({
    "baikal.config.ts": configSource(),
    "domains/web/domain.ts": domainSource(EVENTS_DOMAIN),
    "domains/ads/domain.ts": domainSource(ADS),
    [VIEW]: DAILY_SQL,
  });

const ADS_STACKS = ["domain-ads-production", "domain-ads-staging"];

describe("baikal affected", () => {
  it("lists only the changed domain's stacks for a one-view change", () => {
    const root = project();
    writeFileSync(join(root, VIEW), DAILY_SQL.replace("FROM impressions", "FROM impressions\nWHERE campaign_id > 0"));
    const run = baikal(["affected", "--base", "main"], root);
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").filter(Boolean).sort()).toEqual(ADS_STACKS);
    expect(run.stderr).toMatch(/\naffected: 2 changed, 0 added, 0 removed, 4 unchanged against main \([0-9a-f]{7}\)\n$/);
  });

  it("lists every stack whose configuration a platform setting changes, as JSON", () => {
    const root = project();
    writeSource(root, "baikal.config.ts", configSource({ ...ORGANISATION, lake: { queryResultsRetentionDays: 7 } }));
    const run = baikal(["affected", "--base", "main", "--json"], root);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { affected: string[]; unchanged: string[] };
    expect(result.affected.sort()).toEqual(["platform-production", "platform-staging"]);
    expect(result.unchanged).toHaveLength(4);
  });

  it("lists the stacks of an added domain as added and those of a deleted one as removed", () => {
    const root = project();
    rmSync(join(root, "domains/web"), { recursive: true });
    writeSource(root, "domains/shop/domain.ts", domainSource({ ...EVENTS_DOMAIN, name: "shop", owners: ["@acme/shop"] }));
    const run = baikal(["affected", "--base", "main", "--json"], root);
    const result = JSON.parse(run.stdout) as { added: string[]; changed: string[]; removed: string[] };
    expect(result.added.sort()).toEqual(["domain-shop-production", "domain-shop-staging"]);
    expect(result.removed).toEqual(["domain-web-production", "domain-web-staging"]);
    // The platform stacks hold the "domain" LF-tag, whose values are the domains' names.
    expect(result.changed).toEqual(["platform-production", "platform-staging"]);
  });

  it("fails, naming the base and its problems, when the base itself does not check", () => {
    const root = gitProject({
      "baikal.config.ts": configSource(),
      "domains/ads/domain.ts": domainSource(ADS),
      [VIEW]: DAILY_SQL.replace("FROM impressions", "FROM impressionz"),
    });
    writeFileSync(join(root, VIEW), DAILY_SQL);
    const run = baikal(["affected", "--base", "main"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\nbaikal: the base main \([0-9a-f]{7}\) does not synthesize:\ndomains\/ads\/views\/daily_impressions\.sql:2:6: .*"impressionz"/);
  });

  it("fails when the base ref does not exist", () => {
    const run = baikal(["affected", "--base", "v9.9.9"], project());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('baikal: base ref "v9.9.9" does not exist in this repository;');
  });
});

describe("baikal plan --affected", () => {
  it("plans nothing, and says so, when no stack changes", () => {
    const root = project();
    const run = baikal(["plan", "--affected", "--base", "main"], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^no stack changes against main; nothing to plan\n$/);
  });

  it("fails when --affected comes without --base", () => {
    const run = baikal(["plan", "--affected"], project());
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("baikal: plan --affected needs --base <ref>, the git ref to compare with (e.g. origin/main)\n");
  });

  it("plans only the changed domain's stacks with Terraform", { timeout: 600_000 }, () => {
    const root = project();
    writeFileSync(join(root, VIEW), DAILY_SQL.replace("FROM impressions", "FROM impressions\nWHERE campaign_id > 0"));
    const run = baikal(["plan", "--affected", "--base", "main"], root);
    if (run.code !== 0) console.error(run.stdout, run.stderr);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("affected: domain-ads-production, domain-ads-staging (against main");
    expect(run.stdout).toContain("2 of 2 stacks planned");
  });
});
