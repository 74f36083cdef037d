import { describe, expect, it } from "vitest";
import { identifierProblem } from "../src/declarations/identifier.ts";

describe("identifierProblem", () => {
  it("accepts lower-case names with digits and underscores", () => {
    expect(identifierProblem("article_views_2024", 128)).toBeUndefined();
  });

  it("fails when the name has capitals, and suggests the snake_case form", () => {
    expect(identifierProblem("articleViews", 128)).toBe(
      '"articleViews" is not a valid name: use lower-case letters, digits and "_", starting with a letter (e.g. "article_views")',
    );
  });

  it("fails when the name starts with a digit or underscore", () => {
    expect(identifierProblem("_tmp", 128)).toBe('"_tmp" is not a valid name: use lower-case letters, digits and "_", starting with a letter (e.g. "tmp")');
  });

  it("fails when the name is an Athena reserved word", () => {
    expect(identifierProblem("date", 128)).toBe(
      '"date" is an Athena reserved word and would need quoting in every query; choose another name (e.g. "date_value" or a more specific one)',
    );
  });

  it("fails when the name is too long", () => {
    expect(identifierProblem("a".repeat(41), 40)).toBe(`"${"a".repeat(41)}" is 41 characters long; the limit is 40`);
  });
});

describe("domain names", () => {
  it("fails when a domain takes the platform's own database name", async () => {
    const { domainName } = await import("../src/declarations/domain.ts");
    expect(domainName.safeParse("platform").error?.issues[0]?.message).toBe(`"platform" is the platform's own database; choose another domain name`);
  });
});
