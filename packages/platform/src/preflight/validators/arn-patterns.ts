/**
 * Whether a resource of a policy (an ARN with `*` and `?` wildcards) can name a resource of a type whose ARN format
 * the IAM catalog gives (`arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}`).
 * Both are patterns, so they fit when some ARN matches both: a search over pairs of positions in the two patterns,
 * where a wildcard and a variable may each take any number of characters (a variable at least one, of its kind).
 */
type GlobToken = { readonly lit: string } | { readonly star: true } | { readonly any: true };
type FormatToken = { readonly lit: string } | { readonly chars: RegExp; readonly min: 0 | 1 };

function globTokens(glob: string): GlobToken[] {
  return [...glob].map((c) => (c === "*" ? { star: true } : c === "?" ? { any: true } : { lit: c.toLowerCase() }));
}

/** Variables hold what their kind allows: a bucket name no "/", an account digits (or nothing, as IAM's own ARNs). */
function formatTokens(format: string): FormatToken[] {
  const tokens: FormatToken[] = [];
  for (const part of format.split(/(\$\{[A-Za-z0-9]+\})/)) {
    const variable = /^\$\{([A-Za-z0-9]+)\}$/.exec(part)?.[1];
    if (variable === undefined) tokens.push(...[...part].map((c) => ({ lit: c.toLowerCase() })));
    else if (variable === "Partition") tokens.push({ chars: /[a-z-]/, min: 1 });
    else if (variable === "Region") tokens.push({ chars: /[a-z0-9-]/, min: 0 });
    else if (variable === "Account") tokens.push({ chars: /[0-9]/, min: 0 });
    else if (variable.endsWith("BucketName")) tokens.push({ chars: /[^/]/, min: 1 });
    else tokens.push({ chars: /./, min: 1 });
  }
  return tokens;
}

export function arnFits(resource: string, format: string): boolean {
  if (resource === "*") return true;
  const a = globTokens(resource);
  const b = formatTokens(format);
  // State: position in a, position in b, whether b's current variable has taken a character yet.
  const seen = new Set<string>();
  const queue: [number, number, 0 | 1][] = [[0, 0, 0]];
  while (queue.length > 0) {
    const [i, j, used] = queue.pop()!;
    const key = `${i},${j},${used}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (i === a.length && j === b.length) return true;
    const ta = a[i];
    const tb = b[j];
    if (ta && "star" in ta) queue.push([i + 1, j, used]); // the wildcard takes nothing more
    if (tb && "chars" in tb && (used || tb.min === 0)) queue.push([i, j + 1, 0]); // the variable ends
    if (!ta || !tb) continue;
    if ("lit" in ta && "lit" in tb && ta.lit === tb.lit) queue.push([i + 1, j + 1, 0]);
    if ("any" in ta && "lit" in tb) queue.push([i + 1, j + 1, 0]);
    if (("lit" in ta && "chars" in tb && tb.chars.test(ta.lit)) || ("any" in ta && "chars" in tb)) queue.push([i + 1, j, 1]);
    if ("star" in ta && "lit" in tb) queue.push([i, j + 1, 0]);
    if ("star" in ta && "chars" in tb) queue.push([i, j, 1]);
  }
  return false;
}
