import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configSource, domainSource, EVENTS_DOMAIN, writeProject } from "../../platform/test/support.ts";
import { HELP_EXAMPLES } from "../src/help-examples.ts";
import { program } from "../src/main.ts";
import { githubAnnotation } from "../src/report/problem-formats.ts";
import { baikal, REPO_ROOT } from "./support.ts";

const broken = () =>
  writeProject({
    "baikal.config.ts": configSource(),
    "domains/web/domain.ts": domainSource({ ...EVENTS_DOMAIN, owners: [], description: "" }),
  });

describe("baikal's conventions", () => {
  it("prints its version", () => {
    const run = baikal(["--version"]);
    const version = (JSON.parse(readFileSync(join(REPO_ROOT, "packages/cli/package.json"), "utf8")) as { version: string }).version;
    expect(run.stdout).toBe(`baikal ${version}\n`);
    expect(run.code).toBe(0);
  });

  it("ends every command's --help with examples", () => {
    const commands = program().commands.map((c) => c.name());
    expect(commands.filter((c) => !HELP_EXAMPLES[c]?.length)).toEqual([]);
    for (const c of commands) expect(HELP_EXAMPLES[c]!.every((e) => e.includes(c === "new-domain" || c === "new" ? `baikal ${c} ` : c)), c).toBe(true);
    const help = baikal(["plan", "--help"]);
    expect(help.stdout).toContain("\nExamples:\n  $ pnpm plan domain-news-staging ");
    expect(help.stdout).toContain("--summary");
  });

  it("check --json: one document with the counts, or every problem with its place", () => {
    const ok = baikal(["check", "--json"], writeProject({ "baikal.config.ts": configSource(), "domains/web/domain.ts": domainSource(EVENTS_DOMAIN) }));
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, domains: 1, tables: 1, views: 0, stacks: 4 });
    const failed = baikal(["check", "--json"], broken());
    expect(failed.code).toBe(1);
    expect(JSON.parse(failed.stdout)).toEqual({
      ok: false,
      problems: [
        {
          file: "domains/web/domain.ts",
          line: 4,
          column: 18,
          path: "description",
          message: "say what the domain owns and who to ask",
          text: "domains/web/domain.ts:4:18: description: say what the domain owns and who to ask",
        },
        {
          file: "domains/web/domain.ts",
          line: 5,
          column: 3,
          path: "owners",
          message: 'name at least one owner, a GitHub team such as "@newsly/news-backend"',
          text: 'domains/web/domain.ts:5:3: owners: name at least one owner, a GitHub team such as "@newsly/news-backend"',
        },
      ],
    });
    expect(failed.stderr).toBe("2 problems found; nothing was synthesized.\n");
  });

  it("check --format github: an error annotation on each problem's line, for the pull request's diff", () => {
    const run = baikal(["check", "--format", "github"], broken());
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        "::error file=domains/web/domain.ts,line=4,col=18,title=baikal check::description: say what the domain owns and who to ask",
        '::error file=domains/web/domain.ts,line=5,col=3,title=baikal check::owners: name at least one owner, a GitHub team such as "@newsly/news-backend"',
        "",
      ].join("\n"),
    );
  });

  it("escapes annotations as GitHub's workflow commands require, and annotates problems outside any file without one", () => {
    expect(githubAnnotation({ source: "domains/a,b/domain.ts", line: 1, column: 2, message: "100% wrong:\nsee below" })).toBe(
      "::error file=domains/a%2Cb/domain.ts,line=1,col=2,title=baikal check::100%25 wrong:%0Asee below",
    );
    expect(githubAnnotation({ source: "/", message: "no baikal.config.ts here" })).toBe("::error title=baikal check::/: no baikal.config.ts here");
  });
});
