/**
 * Expected rows against produced rows: as multisets, or position by position when the SQL orders its output.
 * A failure says which rows are missing, which are unexpected, and for rows that nearly match, which cells differ.
 */
import type { TypedRow, TypedValue } from "@baikal/platform/project";

export interface CellDifference {
  readonly column: string;
  readonly expected: TypedValue;
  readonly actual: TypedValue;
}

export interface RowDiff {
  /** Pairs of rows that differ in some cells (the closest unmatched rows, or the same position when ordered). */
  readonly differing: readonly { readonly expected: TypedRow; readonly actual: TypedRow; readonly cells: readonly CellDifference[]; readonly position?: number }[];
  readonly missing: readonly TypedRow[];
  readonly unexpected: readonly TypedRow[];
}

/** Doubles compare to 12 significant digits (sums in another order differ in the last bits); maps by key. */
function normalize(value: TypedValue): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? Number(value.toPrecision(12)) : String(value);
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, normalize((value as Record<string, TypedValue>)[k]!)]));
  }
  return value;
}

const cellKey = (value: TypedValue) => JSON.stringify(normalize(value));
const rowKey = (row: TypedRow, columns: readonly string[]) => JSON.stringify(columns.map((c) => normalize(row[c] ?? null)));

function differences(expected: TypedRow, actual: TypedRow, columns: readonly string[]): CellDifference[] {
  return columns.filter((c) => cellKey(expected[c] ?? null) !== cellKey(actual[c] ?? null)).map((c) => ({ column: c, expected: expected[c] ?? null, actual: actual[c] ?? null }));
}

/** Only the compared columns of produced rows. */
export function project(rows: readonly TypedRow[], columns: readonly string[]): TypedRow[] {
  return rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
}

/** Undefined when the rows match. */
export function compareRows(expected: readonly TypedRow[], produced: readonly TypedRow[], columns: readonly string[], ordered: boolean): RowDiff | undefined {
  const actual = project(produced, columns);
  if (ordered) {
    const differing = [];
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) {
      const cells = differences(expected[i]!, actual[i]!, columns);
      if (cells.length > 0) differing.push({ expected: expected[i]!, actual: actual[i]!, cells, position: i + 1 });
    }
    const missing = expected.slice(actual.length);
    const unexpected = actual.slice(expected.length);
    return differing.length + missing.length + unexpected.length === 0 ? undefined : { differing, missing, unexpected };
  }
  const remaining = new Map<string, TypedRow[]>();
  for (const row of actual) remaining.set(rowKey(row, columns), [...(remaining.get(rowKey(row, columns)) ?? []), row]);
  const missing: TypedRow[] = [];
  for (const row of expected) {
    const same = remaining.get(rowKey(row, columns));
    if (same && same.length > 0) same.pop();
    else missing.push(row);
  }
  const unexpected = [...remaining.values()].flat();
  if (missing.length === 0 && unexpected.length === 0) return undefined;
  // Pair each missing row with the unexpected row sharing most cells, so a wrong aggregate reads as one cell.
  const differing = [];
  const stillMissing: TypedRow[] = [];
  const unpaired = [...unexpected];
  for (const row of missing) {
    let best = -1;
    let bestSame = -1;
    unpaired.forEach((candidate, i) => {
      const same = columns.length - differences(row, candidate, columns).length;
      if (same > bestSame) [best, bestSame] = [i, same];
    });
    // One missing and one unexpected row are one row computed wrong; otherwise pair only close rows.
    const alone = missing.length === 1 && unexpected.length === 1;
    if (best >= 0 && (alone || bestSame >= Math.ceil(columns.length / 2))) {
      const [actualRow] = unpaired.splice(best, 1);
      differing.push({ expected: row, actual: actualRow!, cells: differences(row, actualRow!, columns) });
    } else stillMissing.push(row);
  }
  return { differing, missing: stillMissing, unexpected: unpaired };
}
