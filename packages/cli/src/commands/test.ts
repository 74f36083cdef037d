import { OfflineEngine } from "@baikal/engine";
import { findProjectRoot, loadProject, loadUnitTests, subjectIo } from "@baikal/platform/project";
import { translationCacheFile } from "../unit-tests/translation-cache-file.ts";
import { formatOutcome, formatSummary } from "../unit-tests/format-report.ts";
import { runUnitTest, subjectId, type UnitTestOutcome } from "../unit-tests/run-unit-tests.ts";

export interface TestOptions {
  /** Domains (`news`) or views and transforms (`news.daily_article_kpis`); all when empty. */
  readonly targets: readonly string[];
}

/**
 * `baikal test`: runs the unit tests of views and transforms offline. Exit 1 when a test fails; a test the
 * engine cannot run faithfully is skipped with the construct and its place, and counted.
 */
export async function testCommand(options: TestOptions): Promise<number> {
  const started = performance.now();
  // DuckDB and the translator start while the declarations load.
  const engineStarting = OfflineEngine.start({ translationCacheFile: translationCacheFile(findProjectRoot()) });
  engineStarting.catch(() => undefined);
  const project = await loadProject();
  const domains = options.targets.map((t) => t.split(".")[0]!);
  const unknown = domains.filter((d) => !project.domains.some((domain) => domain.name === d));
  if (unknown.length > 0) {
    throw new Error(`no domain ${unknown.map((d) => `"${d}"`).join(", ")}; domains: ${project.domains.map((d) => d.name).join(", ")}`);
  }
  const all = await loadUnitTests(project, options.targets.length > 0 ? { domains } : {});
  const tests = all.filter((t) => options.targets.length === 0 || options.targets.some((target) => target === t.domain || target === subjectId(t.subject)));
  for (const target of options.targets.filter((t) => t.includes("."))) {
    if (!tests.some((t) => subjectId(t.subject) === target)) throw new Error(`no unit test covers ${target}; add one under domains/${target.split(".")[0]}/tests/`);
  }
  const engine = await engineStarting;
  const ready = performance.now();
  const outcomes: UnitTestOutcome[] = [];
  for (const test of tests) {
    const outcome = await runUnitTest(engine, project, test);
    outcomes.push(outcome);
    const types = new Map(subjectIo(project, test.subject).output.map((c) => [c.name, c.type]));
    for (const line of formatOutcome(test, outcome, types)) console.log(line);
  }
  if (options.targets.length === 0) {
    const tested = new Set(tests.map((t) => subjectId(t.subject)));
    const untested = [...project.views.filter((v) => project.domains.some((d) => d.name === v.domain)), ...(project.transforms ?? [])].map((s) => s.id).filter((id) => !tested.has(id));
    if (untested.length > 0) console.log(`no unit test yet: ${untested.join(", ")}`);
  }
  const skipped = outcomes.filter((o) => o.status === "skipped").length;
  if (skipped > 0) console.log(`${skipped} skipped: cannot run offline (see above); they need a run in Athena`);
  console.log(`${tests.length} unit test${tests.length === 1 ? "" : "s"} in ${Math.round(performance.now() - ready)} ms (engine and declarations ready after ${Math.round(ready - started)} ms)`);
  engine.close();
  console.log(formatSummary(outcomes));
  return outcomes.some((o) => o.status === "failed") ? 1 : 0;
}
