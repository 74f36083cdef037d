/**
 * Query text is logged to the lake and posted to Slack, so string literals (where people paste emails, tokens,
 * customer ids) are replaced by `'?'`, long digit runs (card and phone numbers, in comments, numeric literals or
 * identifiers) by `?`, and the result is capped in size.
 */
export const MAX_QUERY_TEXT_BYTES = 4 * 1024;

/**
 * Replaces every SQL string literal with `'?'`. A small lexer rather than a regex, so quotes inside comments
 * (`-- don't`) and quoted identifiers (`"it's"`) are left alone and `''` escapes stay inside their literal.
 * An unterminated literal is redacted up to the end of the text.
 */
export function redactStringLiterals(sql: string): string {
  let out = "";
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    const next = sql[i + 1];
    if (ch === "'") {
      i = endOfQuoted(sql, i, "'");
      out += "'?'";
    } else if (ch === '"') {
      const end = endOfQuoted(sql, i, '"');
      out += sql.slice(i, end);
      i = end;
    } else if (ch === "-" && next === "-") {
      const newline = sql.indexOf("\n", i);
      const end = newline === -1 ? sql.length : newline;
      out += sql.slice(i, end);
      i = end;
    } else if (ch === "/" && next === "*") {
      const close = sql.indexOf("*/", i + 2);
      const end = close === -1 ? sql.length : close + 2;
      out += sql.slice(i, end);
      i = end;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/** Index just past the closing quote of the quoted run starting at `start`; a doubled quote is an escape. */
function endOfQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i += 1;
  }
  return sql.length;
}

/** A run with at least this many digits may be a card (13-19) or phone number (9-15 with the country code). */
export const MIN_REDACTED_DIGITS = 9;

/**
 * An ISO date (`2025-06-01`) that touches no other digit. Dates are kept and split runs, so `2025-06-01 12:00` and
 * `top 42 2025-06-01` stay as they are, while `2025-06-0112345678` is no date but one long run.
 */
const ISO_DATE = /(?<!\d)(\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?!\d)/;
/** Digits in groups joined by one space or dash each: `4111 1111 1111 1111`, `+49 151-2345-6789`. */
const DIGIT_RUN = /\d(?:[ -]?\d)*/g;

/**
 * Replaces every run of `MIN_REDACTED_DIGITS` or more digits with `?`; shorter numbers (`LIMIT 100`, `20250601`)
 * and ISO dates stay. A large numeric constant (`bytes > 1099511627776`) is masked too: it cannot be told from
 * an account number.
 */
export function redactDigitRuns(text: string): string {
  // split() with a capturing group puts the dates at the odd indexes.
  return text
    .split(ISO_DATE)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(DIGIT_RUN, (run) => (countDigits(run) >= MIN_REDACTED_DIGITS ? "?" : run))))
    .join("");
}

function countDigits(run: string): number {
  let digits = 0;
  for (const ch of run) if (ch >= "0" && ch <= "9") digits += 1;
  return digits;
}

/** Everything the lake and Slack may see of a query: literals and long digit runs masked. */
export function redactQueryText(sql: string): string {
  return redactDigitRuns(redactStringLiterals(sql));
}

/** Cuts `text` to at most `maxBytes` of UTF-8 without splitting a multi-byte character. */
export function truncateUtf8(text: string, maxBytes: number): { text: string; truncated: boolean } {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return { text, truncated: false };
  let cut = maxBytes;
  // Continuation bytes look like 10xxxxxx; back up to the start of the character they belong to.
  while (cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut -= 1;
  return { text: bytes.subarray(0, cut).toString("utf8"), truncated: true };
}

/**
 * Redact first, then truncate, so the 4 KiB budget is spent on SQL rather than on literals that become `'?'`, and
 * a cut can never leave the first digits of a number that would have been masked whole.
 */
export function prepareQueryText(sql: string | undefined): { queryText: string | null; queryTextTruncated: boolean } {
  if (sql === undefined) return { queryText: null, queryTextTruncated: false };
  const { text, truncated } = truncateUtf8(redactQueryText(sql), MAX_QUERY_TEXT_BYTES);
  return { queryText: text, queryTextTruncated: truncated };
}
