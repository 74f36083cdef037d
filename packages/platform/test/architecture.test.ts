import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === "node_modules" || entry === "cdktf.out" || entry.startsWith(".")) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [relative(ROOT, path)] : [];
  });
}

const files = [...sourceFiles(join(ROOT, "packages")), ...sourceFiles(join(ROOT, "domains")), "baikal.config.ts"];
const importsOf = (file: string) => [...readFileSync(join(ROOT, file), "utf8").matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1]!);

describe("architecture", () => {
  it("never imports the root of @cdktf/provider-aws, which loads every AWS service (seconds per process)", () => {
    const offenders = files.filter((file) => importsOf(file).includes("@cdktf/provider-aws"));
    expect(offenders).toEqual([]);
  });

  it("imports cdktf, constructs and the provider only inside packages/platform (its tests included)", () => {
    const offenders = files.filter(
      (file) => !file.startsWith("packages/platform/") && importsOf(file).some((m) => /^(cdktf|constructs|@cdktf\/)/.test(m)),
    );
    expect(offenders).toEqual([]);
  });

  it("reaches the provider and cdktf through src/iac only, so a switch to cdktn or provider 6 is one folder", () => {
    const offenders = files.filter(
      (file) =>
        file.startsWith("packages/platform/src/") &&
        !file.startsWith("packages/platform/src/iac/") &&
        importsOf(file).some((m) => /^(cdktf|constructs|@cdktf\/)/.test(m)),
    );
    expect(offenders).toEqual([]);
  });

  it("lets this repository's domains declare with the declaration API only, and test with vitest and Baikal's test helpers", () => {
    const isTest = (file: string) => /^domains\/[^/]+\/test\//.test(file);
    const allowed = (file: string, module: string) =>
      module.startsWith(".") ||
      module === "@baikal/platform/declare" ||
      (isTest(file) && (module === "vitest" || module === "@baikal/platform/testing" || module.startsWith("node:")));
    const offenders = files.filter((file) => file.startsWith("domains/") && importsOf(file).some((m) => !allowed(file, m)));
    expect(offenders).toEqual([]);
  });
});
