/**
 * "Did you mean" for misspelt names. Optimal-string-alignment distance, so a swapped pair of letters
 * ("impresions" → "impressions", "cilcks" → "clicks") counts as one edit.
 */
function distance(a: string, b: string): number {
  const width = b.length + 1;
  const rows = [new Array<number>(width).fill(0), new Array<number>(width).fill(0), new Array<number>(width).fill(0)];
  // Row i of the matrix lives in rows[i % 3]; the transposition step needs row i - 2.
  for (let j = 0; j < width; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    const [older, previous, current] = [rows[(i + 1) % 3]!, rows[(i + 2) % 3]!, rows[i % 3]!];
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, older[j - 2]! + 1);
      current[j] = d;
    }
  }
  return rows[a.length % 3]![b.length]!;
}

/**
 * The only candidate `word` abbreviates, else the closest within about a third of its length (the first
 * one wins ties).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const list = [...candidates];
  // A name cut short ("clicked" for "clicked_at") beats any edit distance.
  const extended = lower.length >= 3 ? list.filter((c) => c.toLowerCase().startsWith(lower) && c.length > lower.length) : [];
  if (extended.length === 1) return extended[0];
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(lower.length / 3)) + 1;
  for (const candidate of list) {
    const d = distance(lower, candidate.toLowerCase());
    // Replacing every letter ("x" → "c") is no resemblance.
    if (d < bestDistance && d < Math.max(lower.length, candidate.length)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** `; did you mean "shown"?` or the empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closest(word, candidates);
  return match === undefined ? "" : `; did you mean "${match}"?`;
}
