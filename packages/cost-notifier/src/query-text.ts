/**
 * Query text is logged to the lake and posted to Slack, so string literals (where people paste emails, tokens,
 * customer ids) are replaced by `'?'` first and the result is capped in size.
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

/** Cuts `text` to at most `maxBytes` of UTF-8 without splitting a multi-byte character. */
export function truncateUtf8(text: string, maxBytes: number): { text: string; truncated: boolean } {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return { text, truncated: false };
  let cut = maxBytes;
  // Continuation bytes look like 10xxxxxx; back up to the start of the character they belong to.
  while (cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut -= 1;
  return { text: bytes.subarray(0, cut).toString("utf8"), truncated: true };
}

/** Redact first, then truncate, so the 4 KiB budget is spent on SQL rather than on literals that become `'?'`. */
export function prepareQueryText(sql: string | undefined): { queryText: string | null; queryTextTruncated: boolean } {
  if (sql === undefined) return { queryText: null, queryTextTruncated: false };
  const { text, truncated } = truncateUtf8(redactStringLiterals(sql), MAX_QUERY_TEXT_BYTES);
  return { queryText: text, queryTextTruncated: truncated };
}
