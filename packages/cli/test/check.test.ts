import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EVENTS_DOMAIN, configSource, domainSource, writeProject } from "../../platform/test/support.ts";
import { listDomainFiles } from "@baikal/platform/project";
import { baikal, REPO_ROOT } from "./support.ts";
import { RULES } from "@baikal/platform/preflight";
import { ORGANISATION } from "../../platform/test/support.ts";

/** An organisation with a QuickSight group but no dataset owners, and a domain publishing a dataset. */
const BI_ORGANISATION = { ...ORGANISATION, principals: { ...ORGANISATION.principals, bi: { kind: "quicksight-group" as const, group: "bi-authors" } } };
const WITH_DATASET = {
  ...EVENTS_DOMAIN,
  views: [{ name: "page_ids", description: "Page view ids.", columns: [{ name: "view_id", type: "string", description: "Id." }] }],
  datasets: [{ name: "page_ids", description: "Page view ids.", view: "page_ids", mode: "DIRECT_QUERY", readers: ["bi"] }],
};
const DATASET_SQL = { "domains/web/views/page_ids.sql": "SELECT view_id\nFROM page_views\n" };

describe("baikal check", () => {
  it("passes on this repository's domains, whichever they are", () => {
    const run = baikal(["check"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^ok: ${listDomainFiles(REPO_ROOT).length} domains, \\d+ tables, \\d+ views, \\d+ stacks checked in \\d+ ms\\n` +
          // A domain may select a column whose type the analysis cannot infer: counted, never passed silently.
          `(note: \\d+ output columns? of views or transforms ha(s|ve) a type the analysis could not infer; [^\\n]*\\n)?` +
          `preflight: \\d+ rules over \\d+ stacks \\(\\d+ synthesized, \\d+ unchanged\\): no findings in \\d+ ms\\n$`,
      ),
    );
  });

  it("fails on a synthesized stack that breaks one of Baikal's rules, printing the finding with its rule and reason", () => {
    const root = writeProject({ "baikal.config.ts": configSource(BI_ORGANISATION), "domains/web/domain.ts": domainSource(WITH_DATASET), ...DATASET_SQL });
    const run = baikal(["check"], root);
    expect(run.code).toBe(1);
    const rule = RULES.find((r) => r.id === "quicksight-dataset-owner")!;
    const finding = (env: string) =>
      `error domain-web-${env}: aws_quicksight_data_set.dataset_page_ids: [quicksight-dataset-owner] dataset page_ids has no owner: set bi.quicksight.owners in baikal.config.ts\n` +
      `    why: ${rule.summary}. ${rule.explanation}\n    see: ${rule.documentation}`;
    expect(run.stdout).toContain(`${finding("staging")}\n${finding("production")}\n`);
    expect(run.stdout).toMatch(/2 rule findings; fix them, or suppress a finding in preflight-suppressions\.json with the reason it does not apply\npreflight: \d+ rules over 4 stacks \(4 synthesized, 0 unchanged\): 2 findings in \d+ ms\n$/);
  });

  it("passes once a reviewed suppression with a reason excuses the finding, and says how many it excused", () => {
    const root = writeProject({
      "baikal.config.ts": configSource(BI_ORGANISATION),
      "domains/web/domain.ts": domainSource(WITH_DATASET),
      ...DATASET_SQL,
      "preflight-suppressions.json": JSON.stringify({
        suppressions: [{ rule: "quicksight-dataset-owner", stack: "domain-web-*", where: "aws_quicksight_data_set.dataset_page_ids", reason: "The BI team owns this dataset through an account-level admin group." }],
      }),
    });
    const run = baikal(["check"], root);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toMatch(/\npreflight: \d+ rules over 4 stacks \(\d+ synthesized, \d+ unchanged\): no findings, 2 suppressed in \d+ ms\n$/);
  });

  it("counts output columns whose type cannot be inferred, and --explain lists each at its place", () => {
    const root = writeProject({
      "baikal.config.ts": configSource(),
      "domains/web/domain.ts": domainSource({
        ...EVENTS_DOMAIN,
        views: [
          {
            name: "page_ids",
            description: "Page view ids.",
            columns: [
              { name: "view_id", type: "string", description: "Id." },
              { name: "note", type: "string", description: "Nothing yet." },
            ],
          },
        ],
      }),
      "domains/web/views/page_ids.sql": "SELECT view_id,\n       NULL AS note\nFROM page_views\n",
    });
    const run = baikal(["check"], root);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toContain(
      "\nnote: 1 output column of views or transforms has a type the analysis could not infer; their declared types are unchecked (pnpm check --explain lists them)\n",
    );
    const explained = baikal(["check", "--explain"], root);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain(
      '\ndomains/web/views/page_ids.sql:2:8: note: the type of column "note" of view web.page_ids could not be inferred, so its declared type string is unchecked; ' +
        "Athena compares it on the first read of the view (a mismatch is VIEW_IS_STALE): CAST the expression to the declared type to have it checked now\n",
    );
    expect(baikal(["check", "--format", "github"], root).stdout).toContain(
      '\n::notice file=domains/web/views/page_ids.sql,line=2,col=8,title=baikal check::the type of column "note" of view web.page_ids could not be inferred, so its declared type string is unchecked\n',
    );
    const json = JSON.parse(baikal(["check", "--json"], root).stdout) as { ok: boolean; untyped: unknown[] };
    expect(json.ok).toBe(true);
    expect(json.untyped).toEqual([{ kind: "view", subject: "web.page_ids", column: "note", declaredType: "string", source: "domains/web/views/page_ids.sql", line: 2, columnNumber: 8 }]);
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

  it("fails after writing the stacks, before any plan, when one breaks a rule", () => {
    const root = writeProject({ "baikal.config.ts": configSource(BI_ORGANISATION), "domains/web/domain.ts": domainSource(WITH_DATASET), ...DATASET_SQL });
    const run = baikal(["synth", "domain-web-staging"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("error domain-web-staging: aws_quicksight_data_set.dataset_page_ids: [quicksight-dataset-owner] dataset page_ids has no owner");
    expect(run.stderr).toMatch(/baikal: the synthesized stacks break Baikal's rules \(above\); nothing was planned\. Stacks are in .*\/cdktf\.out\/stacks\n$/);
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
