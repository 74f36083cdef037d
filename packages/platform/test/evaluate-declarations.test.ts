import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { isDefinedDomain } from "../src/declarations/define.ts";
import { evaluateDeclarations, loadTimeoutMs } from "../src/loading/evaluate-declarations.ts";
import { declarationEnvironment, reachesDeclarations } from "../src/loading/loader-environment.ts";
import { loaderMessages as m } from "../src/loading/loader-messages.ts";
import { LoadSession } from "../src/loading/load-session.ts";
import { writeProject } from "./support.ts";
import { ViewAnalysisCache } from "../src/caching/analysis-cache.ts";

const evaluate = (files: Record<string, string>, timeoutMs?: number) => {
  const root = writeProject(files);
  return evaluateDeclarations(root, Object.keys(files), { timeoutMs });
};

describe("evaluateDeclarations", () => {
  it("returns each file's default export as plain data, with defineDomain's mark and shared objects kept", async () => {
    const [result] = await evaluate({
      "domains/a/domain.ts": [
        'import { defineDomain } from "@baikal/platform/declare";',
        "const column = { name: 'id', type: 'string', description: 'Id.', note: undefined };",
        "export default defineDomain({ name: 'a', tables: [{ columns: [column] }, { columns: [column] }] } as never);",
      ].join("\n"),
    });
    expect(result!.problems).toEqual([]);
    expect(isDefinedDomain(result!.value)).toBe(true);
    const declaration = (result!.value as { declaration: { tables: { columns: object[] }[] } }).declaration;
    expect(declaration.tables[0]!.columns[0]).toEqual({ name: "id", type: "string", description: "Id.", note: undefined });
    expect(declaration.tables[1]!.columns[0]).toBe(declaration.tables[0]!.columns[0]);
    expect(result!.inputs.some((input) => input.endsWith("/domains/a/domain.ts"))).toBe(true);
  });

  it("gives a file its own import.meta.url, and bundles what it imports", async () => {
    const root = writeProject({
      "domains/a/shared.ts": "export const where = import.meta.url;\n",
      "domains/a/domain.ts": 'import { where } from "./shared.ts";\nexport default { self: import.meta.url, where };\n',
    });
    const [result] = await evaluateDeclarations(root, ["domains/a/domain.ts"]);
    expect(result!.value).toEqual({
      self: pathToFileURL(join(root, "domains/a/domain.ts")).href,
      where: pathToFileURL(join(root, "domains/a/shared.ts")).href,
    });
    expect(result!.inputs.map((input) => input.slice(root.length + 1)).sort()).toEqual(["domains/a/domain.ts", "domains/a/shared.ts"]);
  });

  it("reports every failing file and still evaluates the others, in a new child after one ends the process", async () => {
    const results = await evaluate(
      {
        "a.ts": "process.exit(0);\nexport default 1;\n",
        "b.ts": "export default { ok: true };\n",
        "c.ts": "process.exit(3);\n",
        "d.ts": "for (;;) {}\n",
        "e.ts": "export default [new Date(0)];\n",
        "f.ts": "const o: Record<string, unknown> = {}; o.self = { o };\nexport default o;\n",
        "g.ts": "export default { n: 1n };\n",
        "h.ts": "export default class Table {}\n",
        "i.ts": "export const nothing = 1;\n",
      },
      1000,
    );
    expect(results.map((r) => [r.file, r.value, r.problems])).toEqual([
      ["a.ts", undefined, [{ source: "a.ts", message: m.exitedEarly(0) }]],
      ["b.ts", { ok: true }, []],
      ["c.ts", undefined, [{ source: "c.ts", message: m.exitedEarly(3) }]],
      ["d.ts", undefined, [{ source: "d.ts", message: m.timedOut(1) }]],
      ["e.ts", undefined, [{ source: "e.ts", path: [0], message: m.notData("a Date") }]],
      ["f.ts", undefined, [{ source: "f.ts", path: ["self", "o"], message: m.notData("the object that contains it (a cycle)") }]],
      ["g.ts", undefined, [{ source: "g.ts", path: ["n"], message: m.notData("a bigint") }]],
      ["h.ts", undefined, [{ source: "h.ts", path: [], message: m.notData("a function") }]],
      ["i.ts", undefined, []],
    ]);
  });

  it("places a throw in the file, or names the imported file it came from", async () => {
    const results = await evaluate({
      "domains/a/helper.ts": "export function name(): string {\n  throw new TypeError('no name');\n}\n",
      "domains/a/domain.ts": 'import { name } from "./helper.ts";\nexport default { name: name() };\n',
      "domains/b/domain.ts": "const x = 1;\n\nthrow 'plain text';\n",
    });
    expect(results.slice(1).map((r) => r.problems)).toEqual([
      [{ source: "domains/a/domain.ts", message: m.threw("no name", "domains/a/helper.ts:2:9") }],
      [{ source: "domains/b/domain.ts", message: m.threw("plain text") }],
    ]);
  });

  it("reports a file that does not compile where esbuild found the error, and evaluates the rest", async () => {
    const results = await evaluate({ "a.ts": "export default {\n  name: 'a',,\n};\n", "b.ts": "export default 2;\n", "c.ts": 'import "./missing.ts";\n' });
    expect(results.map((r) => [r.value, r.problems])).toEqual([
      [undefined, [{ source: "a.ts", line: 2, column: 13, message: m.doesNotCompile('Expected identifier but found ","') }]],
      [2, []],
      [undefined, [{ source: "c.ts", line: 1, column: 8, message: m.doesNotCompile('Could not resolve "./missing.ts"') }]],
    ]);
  });

  it("evaluates a file with top-level await as an ES module, and places its throw too", async () => {
    const results = await evaluate({
      "a.ts": "const n = await Promise.resolve(2);\nexport default { n };\n",
      "b.ts": "await Promise.resolve();\nthrow new Error('later');\n",
    });
    expect(results.map((r) => [r.value, r.problems])).toEqual([
      [{ n: 2 }, []],
      [undefined, [{ source: "b.ts", line: 2, column: 7, message: m.threw("later") }]],
    ]);
  });

  it("reuses a compiled file until one of its sources changes, and caches nothing under BAIKAL_CACHE=off", async () => {
    const root = writeProject({ "a.ts": 'import { n } from "./n.ts";\nexport default n;\n', "n.ts": "export const n = 1;\n" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await evaluateDeclarations(root, ["a.ts"]))[0]!.value).toBe(1);
    const cached = readdirSync(join(root, "node_modules/.cache/baikal/declarations"));
    expect(cached).toHaveLength(1);
    expect((await evaluateDeclarations(root, ["a.ts"]))[0]!.value).toBe(1);
    writeFileSync(join(root, "n.ts"), "export const n = 2;\n");
    expect((await evaluateDeclarations(root, ["a.ts"]))[0]!.value).toBe(2);

    const off = writeProject({ "a.ts": "export default 3;\n" });
    vi.stubEnv("BAIKAL_CACHE", "off");
    try {
      expect((await evaluateDeclarations(off, ["a.ts"]))[0]!.value).toBe(3);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(existsSync(join(off, "node_modules/.cache/baikal/declarations"))).toBe(false);
  });

  it("runs files without AWS credentials or secrets in their environment", async () => {
    process.env.AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    process.env.BAIKAL_FIXTURE_VISIBLE = "yes";
    try {
      const [result] = await evaluate({
        "env.ts": "export default { key: process.env.AWS_SECRET_ACCESS_KEY ?? null, visible: process.env.BAIKAL_FIXTURE_VISIBLE, imds: process.env.AWS_EC2_METADATA_DISABLED };\n",
      });
      expect(result!.value).toEqual({ key: null, visible: "yes", imds: "true" });
    } finally {
      delete process.env.AWS_SECRET_ACCESS_KEY;
      delete process.env.BAIKAL_FIXTURE_VISIBLE;
    }
  });
});

describe("the loader's environment", () => {
  it("drops every AWS variable, GitHub's OIDC and job tokens and secret-looking names, and keeps the rest", () => {
    const dropped = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "ACTIONS_RUNTIME_TOKEN", "GITHUB_TOKEN", "GH_TOKEN", "NPM_TOKEN", "SLACK_WEBHOOK_SECRET", "DB_PASSWORD", "OPENAI_API_KEY"];
    const kept = ["PATH", "HOME", "CI", "GITHUB_ACTIONS", "BAIKAL_PROVIDER_MIRROR", "NODE_OPTIONS", "LANG"];
    expect(dropped.filter(reachesDeclarations)).toEqual([]);
    expect(kept.filter(reachesDeclarations)).toEqual(kept);
    const environment = declarationEnvironment({ AWS_PROFILE: "deploy", PATH: "/bin" });
    expect(environment.AWS_PROFILE).toBeUndefined();
    expect(environment).toMatchObject({ PATH: "/bin", AWS_EC2_METADATA_DISABLED: "true" });
  });

  it("takes the time limit from BAIKAL_LOAD_TIMEOUT, in seconds, and refuses anything else", () => {
    expect(loadTimeoutMs({})).toBe(20_000);
    expect(loadTimeoutMs({ BAIKAL_LOAD_TIMEOUT: "2.5" })).toBe(2500);
    expect(() => loadTimeoutMs({ BAIKAL_LOAD_TIMEOUT: "soon" })).toThrow(m.badTimeout("soon"));
  });
});

describe("a load session (check --watch)", () => {
  it("evaluates again only files whose sources changed, an imported module included", async () => {
    const root = writeProject({
      "a.ts": 'import { n } from "./n.ts";\nexport default n;\n',
      "b.ts": "export default 'b';\n",
      "n.ts": "export const n = 1;\n",
    });
    // Files saved moments before a load count as changed once more (the file clock is coarse); a person saves later.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const session = new LoadSession(ViewAnalysisCache.disabled());
    expect((await session.evaluate(root, ["a.ts", "b.ts"])).map((e) => e.value)).toEqual([1, "b"]);
    expect(session.lastEvaluated).toEqual(["a.ts", "b.ts"]);
    expect((await session.evaluate(root, ["a.ts", "b.ts"])).map((e) => e.value)).toEqual([1, "b"]);
    expect(session.lastEvaluated).toEqual([]);
    writeFileSync(join(root, "n.ts"), "export const n = 2;\n");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await session.evaluate(root, ["a.ts", "b.ts"])).map((e) => e.value)).toEqual([2, "b"]);
    expect(session.lastEvaluated).toEqual(["a.ts"]);

    // The session's kept loader child ends with a declaration that exits; the next evaluation starts another.
    writeFileSync(join(root, "n.ts"), "process.exit(0);\nexport const n = 3;\n");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await session.evaluate(root, ["a.ts", "b.ts"])).map((e) => e.problems)).toEqual([[{ source: "a.ts", message: m.exitedEarly(0) }], []]);
    writeFileSync(join(root, "n.ts"), "export const n = 4;\n");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await session.evaluate(root, ["a.ts", "b.ts"])).map((e) => e.value)).toEqual([4, "b"]);
    session.close();
  });
});
