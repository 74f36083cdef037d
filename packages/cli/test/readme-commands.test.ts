import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { commitAll, runGit } from "./git-support.ts";
import { fillPlaceholders, type Placeholders, readmeCommands } from "./readme-commands.ts";
import { MIRROR_ENV, REPO_ROOT } from "./support.ts";

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Commands the README prints that this test does not run, and why; any other command must be run. */
const NOT_RUN: Readonly<Record<string, string>> = {
  "bash scripts/test.sh": "it is the test suite this test belongs to",
  "pnpm test": "it is the test suite this test belongs to",
  "pnpm exec cdktf apply <stack>": "apply creates resources in AWS, which needs an account and credentials; it is never offline",
};

/** What each command must do, beyond exiting with 0: its output, or the files it writes, in the copy at `root`. */
const EXPECTED: readonly { readonly command: RegExp; readonly check: (run: Run, root: string, p: Placeholders) => void }[] = [
  {
    command: /^bash scripts\/quickstart\.sh$/,
    check: (run, root) => {
      expect(run.stdout).toMatch(/\d+ of \d+ stacks planned/);
      expect(JSON.parse(readFileSync(join(root, ".baikal/local.json"), "utf8"))).toHaveProperty("providerMirror");
    },
  },
  { command: /^pnpm check --watch$/, check: (run) => expect(run.stdout).toMatch(/^ok: \d+ domains, /m) },
  { command: /^pnpm -s check --json$/, check: (run) => expect(JSON.parse(run.stdout)).toMatchObject({ ok: true }) },
  { command: /^pnpm check( --format github| --explain)?$/, check: (run) => expect(run.stdout).toMatch(/^ok: \d+ domains, /m) },
  { command: /^pnpm baikal test /, check: (run) => expect(run.stdout).toMatch(/^unit-tests: \d+ passed, 0 failed, /m) },
  {
    command: /^pnpm baikal preview /,
    check: (run, _root, p) => expect(run.stdout).toContain(`0 rows on rows from ${p.rowsFile}`),
  },
  { command: /^pnpm synth /, check: (run, root, p) => expect(existsSync(join(root, "cdktf.out/stacks", p.stack, "cdk.tf.json"))).toBe(true) },
  { command: /^pnpm plan --affected /, check: (run) => expect(run.stdout).toMatch(/\d+ of \d+ stacks planned/) },
  {
    command: /^pnpm plan /,
    check: (run, _root, p) => {
      expect(run.stdout).toContain("1 of 1 stacks planned");
      expect(run.stdout).toMatch(new RegExp(`^${p.stack}: \\d+ to create`, "m"));
    },
  },
  { command: /^pnpm baikal new-domain /, check: (run, _root, p) => expect(run.stdout).toContain(`created domains/${p.newDomain}/domain.ts`) },
  { command: /^pnpm baikal new (table|view|transform) /, check: (run, _root, p) => expect(run.stdout).toContain(`to domains/${p.domain}/domain.ts`) },
  { command: /^pnpm -s baikal affected /, check: (run, _root, p) => expect(run.stdout).toContain(`domain-${p.newDomain}-staging`) },
  { command: /^pnpm baikal guard /, check: (run) => expect(run.stderr).toMatch(/^guard: ok: /m) },
  { command: /^pnpm -s baikal graph --format dot/, check: (run) => expect(run.stdout).toMatch(/^digraph lineage \{\n/) },
  { command: /^pnpm baikal codeowners --check$/, check: (run) => expect(run.stdout).toContain("\n.github/CODEOWNERS matches the declarations\n") },
  {
    command: /^pnpm -s baikal access --json /,
    check: (run, _root, p) => {
      const report = JSON.parse(run.stdout) as { environments: { environment: string; access: { resource: string }[] }[] };
      expect(report.environments.map((e) => e.environment)).toEqual([p.environment]);
      for (const entry of report.environments[0]!.access) expect(entry.resource.startsWith(`${p.domain}.`)).toBe(true);
    },
  },
  {
    command: /^pnpm run docs /,
    check: (run, _root, p) => {
      expect(run.stdout).toMatch(/^wrote the data catalog \(/m);
      expect(existsSync(join(p.dir, "index.html"))).toBe(true);
    },
  },
  { command: /^pnpm baikal --version$/, check: (run) => expect(run.stdout).toMatch(/^baikal \d+\.\d+\.\d+$/m) },
  {
    command: /^pnpm exec cdktf synth$/,
    check: (run, root, p) => {
      expect(run.stdout).toContain("Generated Terraform code for the stacks");
      // What `pnpm plan` set up in the stack folder is still there: the two never undo each other's work.
      expect(existsSync(join(root, "cdktf.out/stacks", p.stack, ".terraform"))).toBe(true);
      expect(existsSync(join(root, "cdktf.out/stacks", p.stack, "plan.tfplan"))).toBe(true);
    },
  },
  { command: /^pnpm exec cdktf (diff|plan) /, check: (run) => expect(run.stdout + run.stderr).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy/) },
];

/** A fresh copy of this checkout as git has it (tracked and new files, nothing ignored), committed once. */
function checkoutCopy(): string {
  const root = mkdtempSync(join(tmpdir(), "baikal-readme-"));
  const files = runGit(REPO_ROOT, ["ls-files", "-co", "--exclude-standard"]).split("\n").filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(REPO_ROOT, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(root, file)), { recursive: true });
    cpSync(join(REPO_ROOT, file), join(root, file));
  }
  runGit(root, ["init", "-q", "-b", "main"]);
  commitAll(root, "a fresh clone");
  return root;
}

/** A new shell: nothing Baikal-specific exported (the mirror comes from .baikal/local.json, written by setup). */
function shellEnvironment(): NodeJS.ProcessEnv {
  const { BAIKAL_PROVIDER_MIRROR: _mirror, BAIKAL_TARGET: _target, ...env } = process.env;
  return { ...env, NO_COLOR: "1", FORCE_COLOR: "0" };
}

function runShell(command: string, cwd: string, env: NodeJS.ProcessEnv): Run {
  const run = spawnSync("bash", ["-c", command], { cwd, env, encoding: "utf8", timeout: 1_200_000 });
  return { code: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
}

/** `--watch` runs until stopped: it must print its first result, then it is stopped (its process group, by id). */
function runWatch(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn("bash", ["-c", command], { cwd, env, detached: true });
    let stdout = "";
    let stderr = "";
    const stop = (code: number) => {
      clearTimeout(timer);
      process.kill(-child.pid!, "SIGTERM");
      resolve({ code, stdout, stderr });
    };
    const timer = setTimeout(() => stop(1), 300_000);
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (/^ok: \d+ domains/m.test(stdout)) stop(0);
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

const commands = readmeCommands(readFileSync(join(REPO_ROOT, "README.md"), "utf8"));

describe("the README's commands, run as printed in a fresh copy of the repository", () => {
  let root: string;
  let placeholders: Placeholders;
  const env = shellEnvironment();
  beforeAll(() => {
    root = checkoutCopy();
    const firstDomain = runGit(root, ["ls-files", "domains/*/domain.ts"]).split("\n")[0]!.split("/")[1]!;
    const firstView = runGit(root, ["ls-files", `domains/${firstDomain}/views/*.sql`]).split("\n")[0]!.split("/")[3]!.replace(/\.sql$/, "");
    // Relations a preview is not given are empty.
    const rowsFile = join(root, "rows.json");
    writeFileSync(rowsFile, "{}\n");
    placeholders = {
      stack: `domain-${firstDomain}-staging`,
      domain: "readme_team",
      newDomain: "readme_team",
      environment: "staging",
      ref: "HEAD",
      dir: join(root, "site"),
      view: `${firstDomain}.${firstView}`,
      rowsFile,
    };
  });

  it("finds the quick start and the command table, and knows what each command must do", () => {
    expect(commands.slice(0, 2)).toEqual(["bash scripts/quickstart.sh", "bash scripts/test.sh"]);
    expect(commands).toContain("pnpm run docs [--outdir <dir>]");
    const unknown = commands.filter((c) => !NOT_RUN[c] && !EXPECTED.some((e) => e.command.test(fillPlaceholders(c, placeholders))));
    expect(unknown, "add what these commands must do to EXPECTED").toEqual([]);
    expect(Object.keys(NOT_RUN).filter((c) => !commands.includes(c))).toEqual([]);
  });

  for (const command of commands) {
    if (NOT_RUN[command]) {
      it.skip(`${command} (not run: ${NOT_RUN[command]})`, () => {});
      continue;
    }
    it(command, { timeout: 1_500_000 }, async () => {
      const filled = fillPlaceholders(command, placeholders);
      // The quick start may take the mirror from the environment once; everything after reads .baikal/local.json.
      const run = filled.includes("--watch") ? await runWatch(filled, root, env) : runShell(filled, root, filled.includes("quickstart") ? { ...env, ...MIRROR_ENV } : env);
      if (run.code !== 0) console.error(`${filled}\n${run.stdout}\n${run.stderr}`);
      expect(run.code, filled).toBe(0);
      EXPECTED.find((e) => e.command.test(filled))?.check(run, root, placeholders);
    });
  }
});
