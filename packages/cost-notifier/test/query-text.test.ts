import { describe, expect, it } from "vitest";
import { MAX_QUERY_TEXT_BYTES, prepareQueryText, redactStringLiterals, truncateUtf8 } from "../src/query-text.ts";

describe("redactStringLiterals", () => {
  it("replaces every string literal with '?'", () => {
    expect(redactStringLiterals("SELECT * FROM t WHERE email = 'jane@example.com' AND dt > '2025-01-01'")).toBe(
      "SELECT * FROM t WHERE email = '?' AND dt > '?'",
    );
  });

  it("keeps escaped quotes inside their literal", () => {
    expect(redactStringLiterals("SELECT 'it''s secret', 1")).toBe("SELECT '?', 1");
  });

  it("leaves quoted identifiers and comments alone", () => {
    expect(redactStringLiterals(`SELECT "user's id" -- don't\nFROM t /* isn't */ WHERE x = 'a'`)).toBe(
      `SELECT "user's id" -- don't\nFROM t /* isn't */ WHERE x = '?'`,
    );
  });

  it("handles an unterminated literal by redacting to the end", () => {
    expect(redactStringLiterals("SELECT 'token-abc")).toBe("SELECT '?'");
  });
});

describe("truncateUtf8", () => {
  it("keeps text within the limit unchanged", () => {
    expect(truncateUtf8("abc", 3)).toEqual({ text: "abc", truncated: false });
  });

  it("never splits a multi-byte character", () => {
    // "é" is 2 bytes: 3 bytes fit "aé" (3) but not "aéé" (5).
    expect(truncateUtf8("aéé", 4)).toEqual({ text: "aé", truncated: true });
  });
});

describe("prepareQueryText", () => {
  it("redacts, then truncates to 4 KiB with a flag", () => {
    const sql = `SELECT '${"x".repeat(10_000)}', ${"c, ".repeat(2_000)}1`;
    const { queryText, queryTextTruncated } = prepareQueryText(sql);
    expect(queryTextTruncated).toBe(true);
    expect(Buffer.byteLength(queryText ?? "")).toBeLessThanOrEqual(MAX_QUERY_TEXT_BYTES);
    expect(queryText?.startsWith("SELECT '?', c, c, ")).toBe(true);
  });

  it("does not flag short queries", () => {
    expect(prepareQueryText("SELECT 1")).toEqual({ queryText: "SELECT 1", queryTextTruncated: false });
  });
});
