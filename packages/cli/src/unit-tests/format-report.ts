/** How `baikal test` prints results: one line per test, a readable diff for failures, a closing count. */
import type { HiveType, LoadedUnitTest, TypedRow, TypedValue } from "@baikal/platform/project";
import type { RowDiff } from "./compare-rows.ts";
import type { UnitTestOutcome } from "./run-unit-tests.ts";
import { subjectId } from "./run-unit-tests.ts";

const NUMBERS = new Set(["tinyint", "smallint", "int", "bigint"]);

/** A value as a test would write it: numbers (exact integers and decimals too) bare, text quoted. */
export function formatValue(value: TypedValue, type?: HiveType): string {
  if (value === null) return "null";
  if (typeof value === "string") {
    const numeric = type?.kind === "decimal" || (type?.kind === "primitive" && NUMBERS.has(type.name));
    return numeric ? value : JSON.stringify(value);
  }
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (Array.isArray(value)) return `[${value.map((v) => formatValue(v, type?.kind === "array" ? type.element : undefined)).join(", ")}]`;
  if (typeof value === "object") {
    const field = (k: string) => (type?.kind === "struct" ? type.fields.find((f) => f.name === k)?.type : type?.kind === "map" ? type.value : undefined);
    return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${formatValue(v, field(k))}`).join(", ")} }`;
  }
  return String(value);
}

export type ColumnTypes = ReadonlyMap<string, HiveType>;

export const formatRow = (row: TypedRow, types?: ColumnTypes) => `{ ${Object.entries(row).map(([k, v]) => `${k}: ${formatValue(v, types?.get(k))}`).join(", ")} }`;

export function formatDiff(diff: RowDiff, types?: ColumnTypes): string[] {
  const lines: string[] = [];
  for (const pair of diff.differing) {
    lines.push(`${pair.position ? `row ${pair.position}` : "row"} ${formatRow(pair.expected, types)}`);
    for (const cell of pair.cells) lines.push(`    ${cell.column}: expected ${formatValue(cell.expected, types?.get(cell.column))}, got ${formatValue(cell.actual, types?.get(cell.column))}`);
  }
  if (diff.missing.length > 0) {
    lines.push("missing rows (expected, not produced):");
    for (const row of diff.missing) lines.push(`  - ${formatRow(row, types)}`);
  }
  if (diff.unexpected.length > 0) {
    lines.push("unexpected rows (produced, not expected):");
    for (const row of diff.unexpected) lines.push(`  + ${formatRow(row, types)}`);
  }
  return lines;
}

export const testTitle = (test: LoadedUnitTest) => `${subjectId(test.subject)}: ${test.name} (${test.file}:${test.line})`;

export function formatOutcome(test: LoadedUnitTest, outcome: UnitTestOutcome, types?: ColumnTypes): string[] {
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
      return [`FAIL ${title}`, ...(outcome.message ? [outcome.message] : formatDiff(outcome.diff!, types)).map((l) => `       ${l}`)];
  }
}

export function formatSummary(outcomes: readonly UnitTestOutcome[]): string {
  const count = (status: UnitTestOutcome["status"]) => outcomes.filter((o) => o.status === status).length;
  return `unit-tests: ${count("passed")} passed, ${count("failed")} failed, ${count("skipped")} skipped`;
}
