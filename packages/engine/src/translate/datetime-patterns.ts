/**
 * Trino formats and parses dates with two pattern languages: Joda-Time's (`format_datetime`, `parse_datetime`:
 * `yyyy-MM-dd HH:mm`) and MySQL's (`date_format`, `date_parse`: `%Y-%m-%d %H:%i`). DuckDB has C's strftime
 * (`%Y-%m-%d %H:%M`). A pattern converts only when every field has an exact strftime equivalent; otherwise the
 * field is named so the construct can be refused rather than formatted differently.
 */
export type PatternResult = { readonly strftime: string } | { readonly unsupported: string };

/** Joda fields by letter and count (a count not listed uses the nearest smaller one, as Joda does for text). */
const JODA: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  y: { 1: "%Y", 2: "%y", 4: "%Y" },
  Y: { 1: "%Y", 4: "%Y" },
  x: { 4: "%G" },
  M: { 1: "%-m", 2: "%m", 3: "%b", 4: "%B" },
  d: { 1: "%-d", 2: "%d" },
  D: { 1: "%-j", 3: "%j" },
  H: { 1: "%-H", 2: "%H" },
  h: { 1: "%-I", 2: "%I" },
  m: { 1: "%-M", 2: "%M" },
  s: { 1: "%-S", 2: "%S" },
  S: { 3: "%g", 6: "%f" },
  a: { 1: "%p" },
  E: { 1: "%a", 2: "%a", 3: "%a", 4: "%A" },
  w: { 2: "%V" },
  e: { 1: "%u" },
  Z: { 1: "%z" },
};

/** strftime needs `%` doubled in literal text. */
const literal = (text: string) => text.replaceAll("%", "%%");

export function jodaToStrftime(pattern: string): PatternResult {
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i]!;
    if (char === "'") {
      // 'text' is literal; '' is a quote.
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      if (end < 0) return { unsupported: `an unterminated quote in the pattern '${pattern}'` };
      out += literal(pattern.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(char)) {
      out += literal(char);
      i += 1;
      continue;
    }
    let count = 1;
    while (pattern[i + count] === char) count += 1;
    const forms = JODA[char];
    const text = forms?.[count] ?? (char === "M" || char === "E" ? forms?.[Math.min(count, 4)] : char === "y" && count > 2 ? "%Y" : undefined);
    if (!text) return { unsupported: `the field "${char.repeat(count)}" in the pattern '${pattern}'` };
    out += text;
    i += count;
  }
  return { strftime: out };
}

/** MySQL specifiers as Trino implements them (`date_format`, `date_parse`). */
const MYSQL: Readonly<Record<string, string>> = {
  a: "%a",
  b: "%b",
  c: "%-m",
  d: "%d",
  e: "%-d",
  f: "%f",
  H: "%H",
  h: "%I",
  I: "%I",
  i: "%M",
  j: "%j",
  k: "%-H",
  l: "%-I",
  M: "%B",
  m: "%m",
  p: "%p",
  r: "%I:%M:%S %p",
  S: "%S",
  s: "%S",
  T: "%H:%M:%S",
  v: "%V",
  W: "%A",
  w: "%w",
  x: "%G",
  Y: "%Y",
  y: "%y",
  "%": "%%",
};

export function mysqlToStrftime(pattern: string): PatternResult {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char !== "%") {
      out += char;
      continue;
    }
    const specifier = pattern[i + 1];
    const text = specifier === undefined ? undefined : MYSQL[specifier];
    if (!text) return { unsupported: `the specifier "%${specifier ?? ""}" in the pattern '${pattern}'` };
    out += text;
    i += 1;
  }
  return { strftime: out };
}

/** Parsing in DuckDB takes padded and unpadded numbers alike, and has no `%-` forms. */
export function forParsing(strftime: string): string {
  return strftime.replace(/%-([a-zA-Z])/g, "%$1");
}
