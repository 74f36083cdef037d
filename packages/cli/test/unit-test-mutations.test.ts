/**
 * Proves the unit tests of whatever domains exist pin down their SQL's logic: every type-preserving mutant of a
 * tested view or transform (a flipped comparison, a dropped WHERE/ON conjunct, sum() became max(), ...) must make
 * one of its unit tests fail. A surviving mutant names logic no test checks.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadTranslator, OfflineEngine, sqlMutants } from "@baikal/engine";
import { type LoadedUnitTest, loadProject, loadUnitTests, renderForAnalysis } from "@baikal/platform/project";
import { describe, expect, it } from "vitest";
import { runUnitTest, subjectId, subjectSql } from "../src/unit-tests/run-unit-tests.ts";
import { REPO_ROOT } from "./support.ts";

const project = await loadProject(REPO_ROOT);
const tests = await loadUnitTests(project);
const engine = await OfflineEngine.start();
await loadTranslator();

const bySubject = new Map<string, LoadedUnitTest[]>();
for (const test of tests) bySubject.set(subjectId(test.subject), [...(bySubject.get(subjectId(test.subject)) ?? []), test]);

/** The SQL file's text as this test runs it: a transform's parameters filled in for the test's run date. */
function fileTextFor(test: LoadedUnitTest): string {
  const file = subjectSql(project, test.subject, test.runDate).sqlFile;
  const text = readFileSync(join(project.root, file), "utf8").replace(/;\s*$/, "");
  return test.subject.kind === "transform" ? renderForAnalysis(text, test.runDate!) : text;
}

describe("the unit tests of the domains' views and transforms", () => {
  it.each([...bySubject.keys()])("kill every type-preserving mutant of %s", async (id) => {
    const subjectTests = bySubject.get(id)!;
    const mutantsPerTest = subjectTests.map((test) => sqlMutants(fileTextFor(test)));
    expect(mutantsPerTest[0]!.length).toBeGreaterThan(0);
    const survivors: string[] = [];
    for (let i = 0; i < mutantsPerTest[0]!.length; i++) {
      let killed = false;
      for (const [t, test] of subjectTests.entries()) {
        const outcome = await runUnitTest(engine, project, test, mutantsPerTest[t]![i]!.sql);
        if (outcome.status === "failed") {
          killed = true;
          break;
        }
      }
      if (!killed) survivors.push(mutantsPerTest[0]![i]!.description);
    }
    expect(survivors).toEqual([]);
  });
});
