/**
 * Runs loaded unit tests on the offline engine: each test's relations are created with its rows, the view's or
 * transform's SQL runs as Athena would run it (a transform as its INSERT's SELECT, for its run date), and the
 * output is compared with the expected rows.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { OfflineEngine, Refusal, Relation } from "@baikal/engine";
import { type LoadedUnitTest, type Project, renderForAnalysis, subjectIo, type UnitTestSubject } from "@baikal/platform/project";
import { compareRows, type RowDiff } from "./compare-rows.ts";

export type UnitTestOutcome =
  | { readonly status: "passed"; readonly ms: number }
  | { readonly status: "failed"; readonly ms: number; readonly diff?: RowDiff; readonly message?: string }
  | { readonly status: "skipped"; readonly ms: number; readonly refusals: readonly Refusal[]; readonly sqlFile: string };

/** The SQL Athena runs for a subject: a view's SELECT, or a transform's as its run's INSERT selects it. */
export function subjectSql(project: Project, subject: UnitTestSubject, runDate: string | undefined, fileText?: string): { sql: string; sqlFile: string } {
  if (subject.kind === "view") {
    const text = fileText ?? readFileSync(join(project.root, subject.view.sqlFile), "utf8");
    return { sql: text.replace(/;\s*$/, ""), sqlFile: subject.view.sqlFile };
  }
  const transform = subject.transform;
  const text = renderForAnalysis((fileText ?? readFileSync(join(project.root, transform.sqlFile), "utf8")).replace(/;\s*$/, ""), runDate ?? "2024-01-31");
  // Lines keep their numbers: the wrapper starts on the SQL's first line and closes after its last.
  const filter = transform.partitionKey ? ` WHERE "${transform.partitionKey}" = '${runDate}'` : "";
  return { sql: `SELECT * FROM (${text}\n) AS baikal_run${filter}`, sqlFile: transform.sqlFile };
}

export function subjectId(subject: UnitTestSubject): string {
  return subject.kind === "view" ? subject.view.id : subject.transform.id;
}

export function engineRelations(test: Pick<LoadedUnitTest, "relations">): Relation[] {
  return test.relations.map(({ shape, rows }) => ({ database: shape.database, name: shape.name, columns: shape.columns, rows }));
}

/** Runs one test; `fileText` replaces the SQL file's text (a mutant, in the examples' mutation test). */
export async function runUnitTest(engine: OfflineEngine, project: Project, test: LoadedUnitTest, fileText?: string): Promise<UnitTestOutcome> {
  const started = performance.now();
  const { sql, sqlFile } = subjectSql(project, test.subject, test.runDate, fileText);
  const io = subjectIo(project, test.subject);
  const result = await engine.run({
    sql,
    defaultDatabase: test.domain,
    relations: engineRelations(test),
    output: io.output,
    now: test.now,
  });
  const ms = performance.now() - started;
  if (result.kind === "refused") return { status: "skipped", ms, refusals: result.refusals, sqlFile };
  if (result.kind === "failed") return { status: "failed", ms, message: result.message };
  const diff = compareRows(test.expected, result.rows, test.expectedColumns, result.ordered);
  return diff ? { status: "failed", ms, diff } : { status: "passed", ms };
}
