/**
 * How to query a table cheaply, for its docs page: what each partition key holds and how to filter on it (Athena
 * then reads only those folders, so the query is faster and costs less), and an example query doing so.
 */

/** The parts of a partition key this needs (as declared in domain.ts). */
export interface HintKey {
  readonly name: string;
  /** @default "string" */
  readonly type?: string;
  readonly projection:
    | { readonly type: "date"; readonly format: string; readonly range: readonly [string, string] }
    | { readonly type: "integer"; readonly range: readonly [number, number]; readonly digits?: number }
    | { readonly type: "enum"; readonly values: readonly string[] }
    | { readonly type: "injected" };
}

export interface KeyHint {
  readonly key: string;
  /** What the key holds and how to filter on it, in words. */
  readonly words: string;
  /** A WHERE condition on this key alone, e.g. `dt = '2024-01-31'`. */
  readonly condition: string;
}

export interface QueryHints {
  readonly keys: readonly KeyHint[];
  /** An example query filtering on the first key and on every key Athena cannot list (injected). */
  readonly example: string;
}

const RELATIVE = /^NOW/;

/** A date written with a Java pattern such as `yyyy-MM-dd` or `yyyy/MM/dd/HH`. */
export function formatDate(date: Date, pattern: string): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const parts: Record<string, string> = {
    yyyy: String(date.getUTCFullYear()),
    MM: two(date.getUTCMonth() + 1),
    dd: two(date.getUTCDate()),
    HH: two(date.getUTCHours()),
    mm: two(date.getUTCMinutes()),
    ss: two(date.getUTCSeconds()),
  };
  return pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, (token) => parts[token]!);
}

const literal = (value: string | number, type: string) =>
  type === "date" ? `DATE '${value}'` : type === "int" || type === "bigint" ? String(value) : `'${String(value).replaceAll("'", "''")}'`;

function keyHint(key: HintKey, today: Date): KeyHint {
  const type = key.type ?? "string";
  const p = key.projection;
  switch (p.type) {
    case "date": {
      // A day in range: the first one when it is a date, else yesterday (data for today may still be arriving).
      const example = RELATIVE.test(p.range[0]) ? formatDate(new Date(today.getTime() - 86_400_000), p.format) : p.range[0];
      const until = p.range[1] === "NOW" ? "now" : p.range[1];
      return {
        key: key.name,
        words: `a ${p.format.includes("HH") ? "time" : "day"} written as ${p.format}, from ${p.range[0]} to ${until}; filter with = or with a range (>=, <, BETWEEN)`,
        condition: `${key.name} = ${literal(example, type)}`,
      };
    }
    case "integer": {
      // Padding is part of the text in the path, so only a string key is compared with it; a number key with the number.
      const first = p.digits && type === "string" ? String(p.range[0]).padStart(p.digits, "0") : p.range[0];
      return {
        key: key.name,
        words: `a number from ${p.range[0]} to ${p.range[1]}${p.digits ? `, written with ${p.digits} digits` : ""}; filter with = or IN (...)`,
        condition: `${key.name} = ${literal(first, type)}`,
      };
    }
    case "enum":
      return { key: key.name, words: `one of ${p.values.join(", ")}; filter with = or IN (...)`, condition: `${key.name} = ${literal(p.values[0]!, type)}` };
    case "injected":
      return {
        key: key.name,
        words: "any value, which Athena cannot list: every query must name it with = or IN (...), or it fails",
        condition: `${key.name} = ${literal("<value>", type)}`,
      };
  }
}

/** Hints for the table `id` (`domain.table`), with today's date for relative ranges. */
export function queryHints(id: string, keys: readonly HintKey[], today: Date = new Date()): QueryHints {
  const hints = keys.map((k) => keyHint(k, today));
  const filtered = hints.filter((h, i) => i === 0 || keys[i]!.projection.type === "injected");
  const where = filtered.length > 0 ? `\nWHERE ${filtered.map((h) => h.condition).join("\n  AND ")}` : "";
  return { keys: hints, example: `SELECT *\nFROM ${id}${where}\nLIMIT 100` };
}
