/**
 * Whether a partition projection's range or value list still covers every partition the old one covered.
 * Ranges are `start,end` (Athena's `projection.<key>.range`): dates in the projection's format or relative to NOW
 * (`NOW-3YEARS`), or integers.
 */

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  SECONDS: 1,
  MINUTES: 60,
  HOURS: 3600,
  DAYS: 86_400,
  WEEKS: 604_800,
  MONTHS: 2_629_746,
  YEARS: 31_556_952,
};

/** Seconds from now, for `NOW`, `NOW-3YEARS`, `NOW+1DAY`. */
function relative(bound: string): number | undefined {
  const match = /^NOW(?:([+-])(\d+)(SECOND|MINUTE|HOUR|DAY|WEEK|MONTH|YEAR)S?)?$/i.exec(bound.trim());
  if (!match) return undefined;
  if (!match[1]) return 0;
  const seconds = Number(match[2]) * UNIT_SECONDS[`${match[3]!.toUpperCase()}S`]!;
  return match[1] === "-" ? -seconds : seconds;
}

/** -1, 0 or 1 as `a` is before, at or after `b`; undefined when they cannot be compared. */
function compareBounds(a: string, b: string): number | undefined {
  if (a.trim() === b.trim()) return 0;
  const [ra, rb] = [relative(a), relative(b)];
  if (ra !== undefined && rb !== undefined) return Math.sign(ra - rb);
  if (ra !== undefined || rb !== undefined) return undefined;
  if (/^-?\d+$/.test(a.trim()) && /^-?\d+$/.test(b.trim())) return Math.sign(Number(a) - Number(b));
  // Dates in the same year-first, fixed-width format sort as text.
  if (/^\d{4}/.test(a) && /^\d{4}/.test(b) && a.length === b.length) return a < b ? -1 : 1;
  return undefined;
}

/** true when `after` covers `before`, false when it narrows it, undefined when the guard cannot tell. */
export function rangeCovers(before: string, after: string): boolean | undefined {
  const [b0, b1] = before.split(",");
  const [a0, a1] = after.split(",");
  if (b0 === undefined || b1 === undefined || a0 === undefined || a1 === undefined) return undefined;
  const start = compareBounds(a0, b0);
  const end = compareBounds(a1, b1);
  if (start === undefined || end === undefined) return undefined;
  return start <= 0 && end >= 0;
}

/** Values of an enum projection that the new list drops. */
export const droppedValues = (before: string, after: string): string[] => {
  const now = new Set(after.split(",").map((v) => v.trim()));
  return before
    .split(",")
    .map((v) => v.trim())
    .filter((v) => !now.has(v));
};
