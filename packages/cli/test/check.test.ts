import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EVENTS_DOMAIN, configSource, domainSource, writeProject } from "../../platform/test/support.ts";
import { listDomainFiles } from "@baikal/platform/project";
import { baikal, REPO_ROOT } from "./support.ts";

describe("baikal check", () => {
  it("passes on this repository's domains, whichever they are", () => {
    const run = baikal(["check"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^ok: ${listDomainFiles(REPO_ROOT).length} domains, \\d+ tables, \\d+ views, \\d+ stacks checked in \\d+ ms\\n$`));
  });

  it("fails when declarations are wrong, printing one file:line:col line per problem", () => {
    const root = writeProject({
      "baikal.config.ts": configSource(),
      "domains/web/domain.ts": domainSource({ ...EVENTS_DOMAIN, owners: [], description: "" }),
    });
    const run = baikal(["check"], root);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      [
        "domains/web/domain.ts:4:18: description: say what the domain owns and who to ask",
        'domains/web/domain.ts:5:3: owners: name at least one owner, a GitHub team such as "@newsly/news-backend"',
        "",
        "2 problems found; nothing was synthesized.",
        "",
      ].join("\n"),
    );
  });

  it("fails when run outside a Baikal repository", () => {
    const run = baikal(["check"], "/");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("/: no baikal.config.ts here or in any parent folder; run baikal inside a Baikal repository\n\n1 problem found; nothing was synthesized.\n");
  });
});

describe("baikal synth", () => {
  it("writes nothing when any declaration is invalid", () => {
    const root = writeProject({
      "baikal.config.ts": configSource(),
      "domains/web/domain.ts": domainSource(EVENTS_DOMAIN),
      "domains/shop/domain.ts": domainSource({ ...EVENTS_DOMAIN, name: "shop", tables: [{ name: "orders" }] }),
    });
    const run = baikal(["synth"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        "domains/shop/domain.ts:9:5: tables[0].columns: required, but missing (expected array)",
        "domains/shop/domain.ts:9:5: tables[0].description: required, but missing (expected string)",
        'domains/shop/domain.ts:9:5: tables[0].format: required, but missing (use one of "jsonl", "parquet", "csv")',
        'domains/shop/domain.ts:9:5: tables[0].zone: required, but missing (use one of "raw", "curated")',
        "",
        "4 problems found; nothing was synthesized.",
        "",
      ].join("\n"),
    );
    expect(existsSync(join(root, "cdktf.out"))).toBe(false);
  });

  it("fails when asked for a stack that does not exist, listing the stacks", () => {
    const root = writeProject({ "baikal.config.ts": configSource(), "domains/web/domain.ts": domainSource(EVENTS_DOMAIN) });
    const run = baikal(["synth", "domain-web-prod"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "baikal: unknown stack domain-web-prod; stacks: platform-staging, domain-web-staging, platform-production, domain-web-production\n",
    );
  });

  it("synthesizes every stack and the record contracts", () => {
    const root = writeProject({ "baikal.config.ts": configSource(), "domains/web/domain.ts": domainSource(EVENTS_DOMAIN) });
    const run = baikal(["synth"], root);
    expect(run.code).toBe(0);
    for (const stack of ["platform-staging", "domain-web-staging", "platform-production", "domain-web-production"]) {
      expect(existsSync(join(root, "cdktf.out/stacks", stack, "cdk.tf.json"))).toBe(true);
    }
    expect(existsSync(join(root, "cdktf.out/contracts/web/page_views.schema.json"))).toBe(true);
  });
});
