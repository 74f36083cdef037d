import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EVENTS_DOMAIN, ORGANISATION, configSource, domainSource, writeProject } from "../../platform/test/support.ts";
import { REPO_ROOT, baikal } from "./support.ts";

/** A repository whose node_modules holds the workspace's platform and vitest, as after `pnpm install`. */
function installedProject(): string {
  const root = writeProject({
    "baikal.config.ts": configSource({ ...ORGANISATION, platformOwners: ["@acme/data-platform"] }),
    "domains/web/domain.ts": domainSource(EVENTS_DOMAIN),
  });
  mkdirSync(join(root, "node_modules/@baikal"), { recursive: true });
  symlinkSync(join(REPO_ROOT, "packages/platform"), join(root, "node_modules/@baikal/platform"));
  symlinkSync(join(REPO_ROOT, "node_modules/vitest"), join(root, "node_modules/vitest"));
  return root;
}

describe("baikal new-domain", { timeout: 300_000 }, () => {
  it("scaffolds a domain whose table, view, grant and test pass at once, and says what to do next", () => {
    const root = installedProject();
    baikal(["codeowners"], root);
    const run = baikal(["new-domain", "payments"], root);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("created domains/payments/domain.ts\ncreated domains/payments/views/daily_events.sql\n");
    expect(run.stdout).toContain("updated .github/CODEOWNERS: domains/payments/ is owned by @acme/payments\n");
    expect(run.stdout).toContain("pnpm install          # registers the new package in pnpm-lock.yaml");
    expect(readFileSync(join(root, "domains/payments/domain.ts"), "utf8")).toContain('{ to: "analysts", view: "daily_events" }');
    expect(JSON.parse(readFileSync(join(root, "domains/payments/package.json"), "utf8"))).toMatchObject({
      name: "@domains/payments",
      dependencies: { "@baikal/platform": "workspace:*" },
    });

    const check = baikal(["check"], root);
    expect(check.stderr).toBe("");
    expect(check.stdout).toMatch(/^ok: 2 domains, 2 tables, 1 views, 6 stacks checked in \d+ ms\npreflight: \d+ rules over 6 stacks \(6 synthesized, 0 unchanged\): no findings in \d+ ms\n$/);
    expect(baikal(["codeowners", "--check"], root).code).toBe(0);

    const test = spawnSync(process.execPath, [join(REPO_ROOT, "node_modules/vitest/vitest.mjs"), "run", "--root", root, "domains/payments/test"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(test.stdout).toContain("5 passed");
    expect(test.status).toBe(0);

    const unit = baikal(["test", "payments"], root);
    expect(unit.stdout).toContain("ok   payments.daily_events: counts events per day and type (domains/payments/tests/daily_events.ts:9)\n");
    expect(unit.stdout).toMatch(/^unit-tests: 1 passed, 0 failed, 0 skipped$/m);
    expect(unit.code).toBe(0);
  });

  it("fails when the name is not a valid domain name, suggesting one", () => {
    const root = installedProject();
    const run = baikal(["new-domain", "Payments-EU"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'baikal: cannot create domain "Payments-EU": it is not a valid name: use lower-case letters, digits and "_", starting with a letter (it also names roles, state machines and stacks) (e.g. "payments_eu")\n',
    );
    expect(existsSync(join(root, "domains/Payments-EU"))).toBe(false);
  });

  it("fails when the name is the platform's own", () => {
    const run = baikal(["new-domain", "platform"], installedProject());
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`baikal: cannot create domain "platform": it is the platform's own database; choose another domain name\n`);
  });

  it("fails when the domain already exists", () => {
    const root = installedProject();
    const run = baikal(["new-domain", "web"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("baikal: domains/web already exists; choose another name, or edit domains/web/domain.ts\n");
  });

  it("fails when the owner is not a GitHub handle, leaving nothing behind", () => {
    const root = installedProject();
    const run = baikal(["new-domain", "payments", "--owner", "payments team"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^baikal: the new domain did not pass the checks:\ndomains\/payments\/domain\.ts:\d+:\d+: owners\[0\]: use a GitHub handle such as "@newsly\/news-backend"\n$/);
    expect(existsSync(join(root, "domains/payments"))).toBe(false);
  });
});
