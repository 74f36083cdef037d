/** How `baikal test` prints results: one line per test, a readable diff for failures, a closing count. */
import type { LoadedUnitTest, TypedRow, TypedValue } from "@baikal/platform/project";
import type { RowDiff } from "./compare-rows.ts";
import type { UnitTestOutcome } from "./run-unit-tests.ts";
import { subjectId } from "./run-unit-tests.ts";

export function formatValue(value: TypedValue): string {
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  if (typeof value === "object") return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${formatValue(v)}`).join(", ")} }`;
  return String(value);
}

export const formatRow = (row: TypedRow) => `{ ${Object.entries(row).map(([k, v]) => `${k}: ${formatValue(v)}`).join(", ")} }`;

export function formatDiff(diff: RowDiff): string[] {
  const lines: string[] = [];
  for (const pair of diff.differing) {
    lines.push(`${pair.position ? `row ${pair.position}` : "row"} ${formatRow(pair.expected)}`);
    for (const cell of pair.cells) lines.push(`    ${cell.column}: expected ${formatValue(cell.expected)}, got ${formatValue(cell.actual)}`);
  }
  if (diff.missing.length > 0) {
    lines.push("missing rows (expected, not produced):");
    for (const row of diff.missing) lines.push(`  - ${formatRow(row)}`);
  }
  if (diff.unexpected.length > 0) {
    lines.push("unexpected rows (produced, not expected):");
    for (const row of diff.unexpected) lines.push(`  + ${formatRow(row)}`);
  }
  return lines;
}

export const testTitle = (test: LoadedUnitTest) => `${subjectId(test.subject)}: ${test.name} (${test.file}:${test.line})`;

export function formatOutcome(test: LoadedUnitTest, outcome: UnitTestOutcome): string[] {
  const title = testTitle(test);
  switch (outcome.status) {
    case "passed":
      return [`ok   ${title}`];
    case "skipped":
      return [
        `skip ${title}`,
        ...outcome.refusals.map((r) => `       cannot run offline: ${r.construct} at ${outcome.sqlFile}${r.position ? `:${r.position.line}` : ""}`),
      ];
    case "failed":
      return [`FAIL ${title}`, ...(outcome.message ? [outcome.message] : formatDiff(outcome.diff!)).map((l) => `       ${l}`)];
  }
}

export function formatSummary(outcomes: readonly UnitTestOutcome[]): string {
  const count = (status: UnitTestOutcome["status"]) => outcomes.filter((o) => o.status === status).length;
  return `unit-tests: ${count("passed")} passed, ${count("failed")} failed, ${count("skipped")} skipped`;
}
