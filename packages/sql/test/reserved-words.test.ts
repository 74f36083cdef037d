import { describe, expect, it } from "vitest";
import { reservedWordsOfGrammar } from "../src/parse/grammar-keywords.ts";
import { reservedWords } from "../src/parse/keywords.ts";

describe("reserved words", () => {
  it("are exactly the grammar's keywords that nonReserved does not list (regenerate with scripts/generate-reserved-words.ts)", () => {
    expect([...reservedWords()].sort()).toEqual(reservedWordsOfGrammar());
  });

  it("include GROUP and END but not the words real schemas use as names (time, date, user, start)", () => {
    expect(["GROUP", "END", "ORDER", "VALUES"].filter((w) => !reservedWords().has(w))).toEqual([]);
    expect(["TIME", "TIMESTAMP", "DATE", "USER", "START"].filter((w) => reservedWords().has(w))).toEqual([]);
  });
});
