import { describe, expect, it } from "vitest";
import { MAX_QUERY_TEXT_BYTES, prepareQueryText, redactDigitRuns, redactQueryText, redactStringLiterals, truncateUtf8 } from "../src/query-text.ts";

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

describe("redactDigitRuns", () => {
  it("masks card numbers written together, in groups of four, or with dashes", () => {
    expect(redactDigitRuns("WHERE pan = 4111111111111111")).toBe("WHERE pan = ?");
    expect(redactDigitRuns("-- card 4111 1111 1111 1111 declined")).toBe("-- card ? declined");
    expect(redactDigitRuns("/* 5500-0000-0000-0004 */ SELECT 1")).toBe("/* ? */ SELECT 1");
  });

  it("masks phone numbers with a country code, spaces and dashes", () => {
    expect(redactDigitRuns("WHERE msisdn = 4915123456789")).toBe("WHERE msisdn = ?");
    expect(redactDigitRuns("-- called +49 151 2345-6789 twice")).toBe("-- called +? twice");
    expect(redactDigitRuns("-- 030 1234567")).toBe("-- ?");
  });

  it("masks a run of exactly nine digits and keeps one of eight", () => {
    expect(redactDigitRuns("id = 123456789")).toBe("id = ?");
    expect(redactDigitRuns("id = 12345678")).toBe("id = 12345678");
    expect(redactDigitRuns("id = 1234-5678")).toBe("id = 1234-5678");
  });

  it("masks digit runs inside identifiers and quoted identifiers", () => {
    expect(redactDigitRuns('SELECT * FROM "export_4111111111111111"')).toBe('SELECT * FROM "export_?"');
  });

  it("keeps short numbers, compact dates and ISO dates and times", () => {
    const sql = "SELECT a, 42 FROM t WHERE dt = 20250601 AND x > 1.5 LIMIT 100 -- from 2025-06-01 12:30:00 to 2025-06-30";
    expect(redactDigitRuns(sql)).toBe(sql);
  });

  it("keeps a short number next to a date, and masks a long run next to one", () => {
    expect(redactDigitRuns("-- top 42 2025-06-01")).toBe("-- top 42 2025-06-01");
    expect(redactDigitRuns("-- 2025-06-01 123456789")).toBe("-- 2025-06-01 ?");
  });

  it("treats a date that runs into more digits as one long run", () => {
    expect(redactDigitRuns("x = 2025-06-0112345678")).toBe("x = ?");
  });

  it("does not join numbers separated by an operator or by two characters", () => {
    expect(redactDigitRuns("SELECT 12345 - 67890, 1234 5678")).toBe("SELECT 12345 - 67890, 1234 5678");
    expect(redactDigitRuns("SELECT 12345  67890")).toBe("SELECT 12345  67890");
  });
});

describe("redactQueryText", () => {
  it("masks string literals and long digit runs together", () => {
    expect(redactQueryText("SELECT * FROM t WHERE email = 'jane@example.com' AND phone = 4915123456789 -- card 4111 1111 1111 1111")).toBe(
      "SELECT * FROM t WHERE email = '?' AND phone = ? -- card ?",
    );
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

  it("masks long digit runs before it cuts, so no first digits of a card number survive the cut", () => {
    // Cut first, the text would end in "411" (byte 4096 falls inside the number); masked first, it fits whole.
    const sql = `SELECT ${"c, ".repeat(1_362)}4111111111111111`;
    expect(prepareQueryText(sql)).toEqual({ queryText: `SELECT ${"c, ".repeat(1_362)}?`, queryTextTruncated: false });
  });

  it("does not flag short queries", () => {
    expect(prepareQueryText("SELECT 1")).toEqual({ queryText: "SELECT 1", queryTextTruncated: false });
  });
});
