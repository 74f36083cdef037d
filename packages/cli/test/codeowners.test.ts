import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EVENTS_DOMAIN, ORGANISATION, configSource, domainSource, writeProject } from "../../platform/test/support.ts";
import { baikal } from "./support.ts";
import { writeSource } from "./git-support.ts";

const project = () =>
  writeProject({
    "baikal.config.ts": configSource({ ...ORGANISATION, platformOwners: ["@acme/platform"] }),
    "domains/web/domain.ts": domainSource(EVENTS_DOMAIN),
    "domains/shop/domain.ts": domainSource({ ...EVENTS_DOMAIN, name: "shop", owners: ["@acme/shop", "@alice"] }),
  });

describe("baikal codeowners", () => {
  it("keeps this repository's committed .github/CODEOWNERS equal to what its declarations generate", () => {
    const run = baikal(["codeowners", "--check"]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(".github/CODEOWNERS matches the declarations\n");
    expect(run.code).toBe(0);
  });

  it("writes the platform owners first and each domain's owners last, so a domain team alone owns its folder", () => {
    const root = project();
    const run = baikal(["codeowners"], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("wrote .github/CODEOWNERS: 2 domains\n");
    const lines = readFileSync(join(root, ".github/CODEOWNERS"), "utf8").split("\n");
    expect(lines).toContain("*                     @acme/platform");
    expect(lines).toContain("/guard-allow.json     @acme/platform");
    expect(lines.slice(-3)).toEqual(["/domains/shop/        @acme/shop @alice", "/domains/web/         @acme/web", ""]);
  });

  it("fails when the file drifts from the declarations, showing the lines to change", () => {
    const root = project();
    baikal(["codeowners"], root);
    writeSource(root, "domains/web/domain.ts", domainSource({ ...EVENTS_DOMAIN, owners: ["@acme/web-platform"] }));
    const run = baikal(["codeowners", "--check"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        ".github/CODEOWNERS does not match the declarations; run pnpm baikal codeowners and commit it:",
        "- /domains/web/         @acme/web",
        "+ /domains/web/         @acme/web-platform",
        "",
      ].join("\n"),
    );
  });

  it("fails when the file does not exist", () => {
    const run = baikal(["codeowners", "--check"], project());
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(".github/CODEOWNERS does not exist; run pnpm baikal codeowners and commit it\n");
  });

  it("fails when a platform owner is not a GitHub handle", () => {
    const root = writeProject({
      "baikal.config.ts": configSource({ ...ORGANISATION, platformOwners: ["data-platform"] }),
      "domains/web/domain.ts": domainSource(EVENTS_DOMAIN),
    });
    const run = baikal(["codeowners"], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^baikal\.config\.ts:\d+:\d+: platformOwners\[0\]: use a GitHub handle such as "@newsly\/data-platform"/);
  });
});
