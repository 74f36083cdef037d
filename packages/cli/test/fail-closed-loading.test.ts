import { describe, expect, it } from "vitest";
import { loaderMessages as m } from "../../platform/src/loading/loader-messages.ts";
import { EVENTS_DOMAIN, configSource, domainSource, writeProject } from "../../platform/test/support.ts";
import { commitAll, gitProject, writeSource } from "./git-support.ts";
import { baikal } from "./support.ts";

const FILE = "domains/web/domain.ts";

/** The fixture domain with `statement` run before it declares anything (line 2 of the file). */
const domainRunning = (statement: string) => domainSource(EVENTS_DOMAIN).replace("\nexport default", `\n${statement}\nexport default`);

/** Each way a declaration file can fail to give a declaration, and the exact problem line it must produce. */
const FAILURES = [
  { what: "exits with code 0", source: domainRunning("process.exit(0);"), problem: `${FILE}: ${m.exitedEarly(0)}` },
  { what: "exits with code 1", source: domainRunning("process.exit(1);"), problem: `${FILE}: ${m.exitedEarly(1)}` },
  { what: "loops forever", source: domainRunning("while (Date.now() > 0) {}"), problem: `${FILE}: ${m.timedOut(1)}` },
  { what: "throws", source: domainRunning('throw new Error("boom");'), problem: `${FILE}:2:7: ${m.threw("boom")}` },
  {
    what: "declares a function",
    source: domainSource(EVENTS_DOMAIN).replace('"description": "Page views."', '"description": () => "Page views."'),
    problem: `${FILE}:11:22: tables[0].description: ${m.notData("a function")}`,
  },
];

/** A short time limit, so the endless loop costs one second. */
const ENV = { BAIKAL_LOAD_TIMEOUT: "1" };

const broken = (failure: (typeof FAILURES)[number]) => writeProject({ "baikal.config.ts": configSource(), [FILE]: failure.source });

const failedLoad = (problem: string) => `${problem}\n\n1 problem found; nothing was synthesized.\n`;

describe.each(FAILURES)("a domain.ts that $what", (failure) => {
  it("fails baikal check, naming the file", () => {
    const run = baikal(["check"], broken(failure), ENV);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(failedLoad(failure.problem));
    expect(run.code).toBe(1);
  });

  it("fails baikal synth, naming the file", () => {
    const run = baikal(["synth"], broken(failure), ENV);
    expect(run.stderr).toBe(failedLoad(failure.problem));
    expect(run.code).toBe(1);
  });

  it("fails baikal guard when the pull request brings it", () => {
    const root = gitProject({ "baikal.config.ts": configSource(), [FILE]: domainSource(EVENTS_DOMAIN) });
    writeSource(root, FILE, failure.source);
    const run = baikal(["guard", "--base", "main"], root, ENV);
    expect(run.stderr).toBe(`guard: synthesizing main and the working tree ...\n${failedLoad(failure.problem)}`);
    expect(run.code).toBe(1);
  });

  it("fails baikal guard when the base has it", () => {
    const root = gitProject({ "baikal.config.ts": configSource(), [FILE]: failure.source });
    writeSource(root, FILE, domainSource(EVENTS_DOMAIN));
    commitAll(root, "fix");
    const run = baikal(["guard", "--base", "HEAD~1"], root, ENV);
    expect(run.stderr).toMatch(
      new RegExp(`^guard: synthesizing HEAD~1 and the working tree \\.\\.\\.\\nbaikal: the base HEAD~1 \\([0-9a-f]{7}\\) does not synthesize:\\n`),
    );
    expect(run.stderr).toContain(`:\n${failedLoad(failure.problem).trimEnd()}\n`);
    expect(run.code).toBe(1);
  });
});

/** Throws, naming what it saw, unless the environment has no credentials but does have ordinary variables. */
const SEES_NO_SECRETS = domainRunning(
  [
    "const env = process.env;",
    'const seen = ["AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "NPM_TOKEN"].filter((name) => env[name] !== undefined);',
    'if (seen.length > 0 || env.BAIKAL_FIXTURE_VISIBLE !== "yes") throw new Error(`saw ${seen.join(", ")}; ordinary variable: ${env.BAIKAL_FIXTURE_VISIBLE}`);',
  ].join(" "),
);

const SECRETS = {
  AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
  AWS_PROFILE: "deploy",
  AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://169.254.170.23/v1/credentials",
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: "oidc",
  NPM_TOKEN: "npm",
  BAIKAL_FIXTURE_VISIBLE: "yes",
};

describe("the environment declarations run in", () => {
  it("has no AWS credentials or other secrets, but ordinary variables, for check and synth", () => {
    const root = writeProject({ "baikal.config.ts": configSource(), [FILE]: SEES_NO_SECRETS });
    for (const command of ["check", "synth"]) {
      const run = baikal([command], root, SECRETS);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
    }
    // The same file fails when the ordinary variable is missing: the check above can fail.
    const without = baikal(["check"], root, { ...SECRETS, BAIKAL_FIXTURE_VISIBLE: "" });
    expect(without.stderr).toBe(failedLoad(`${FILE}:2:${SEES_NO_SECRETS.split("\n")[1]!.indexOf("new Error") + 1}: ${m.threw("saw ; ordinary variable: ")}`));
  });

  it("has no AWS credentials or other secrets for guard, on the base and the head", () => {
    const root = gitProject({ "baikal.config.ts": configSource(), [FILE]: SEES_NO_SECRETS });
    writeSource(root, FILE, SEES_NO_SECRETS.replace('"Web analytics."', '"Web analytics, described better."'));
    const run = baikal(["guard", "--base", "main"], root, SECRETS);
    expect(run.stderr).toMatch(/^guard: synthesizing main and the working tree \.\.\.\nguard: ok: /);
    expect(run.code).toBe(0);
  });
});

describe("compiled declarations", () => {
  it("are never shared with the base tree: guard compares the base's own domain.ts after the head's was compiled", () => {
    const root = gitProject({ "baikal.config.ts": configSource(), [FILE]: domainSource(EVENTS_DOMAIN) });
    const renamed = { ...EVENTS_DOMAIN, tables: EVENTS_DOMAIN.tables!.map((t) => ({ ...t, name: "page_hits" })) };
    writeSource(root, FILE, domainSource(renamed));
    // The head's declarations are compiled and cached first; the base tree links to the same cache folder.
    expect(baikal(["check"], root).code).toBe(0);
    const run = baikal(["guard", "--base", "main"], root);
    expect(run.stdout).toContain("domain-web-staging aws_glue_catalog_table.table_page_views: destroyed");
    expect(run.code).toBe(1);
  });
});
