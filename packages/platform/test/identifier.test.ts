import { describe, expect, it } from "vitest";
import { columnNameProblem, databaseNameProblem, identifierProblem, relationNameProblem } from "../src/declarations/identifier.ts";

describe("column names", () => {
  it.each(["time", "timestamp", "date", "start", "end", "user", "group", "_id", "order-priority", "5xx_count", "elb status code", "a".repeat(255)])(
    "accepts %s, as Glue stores it and Athena reads it quoted",
    (name) => {
      expect(columnNameProblem(name)).toBeUndefined();
    },
  );

  it("fails when the name has capitals, naming the name Athena would give it", () => {
    expect(columnNameProblem("userId")).toBe(
      '"userId" has capitals, but Athena folds names to lower case and would call it "userid"; declare it as "userid" (Parquet and JSON fields match it whatever their case)',
    );
  });

  it("fails when the name starts with $, which marks Athena's hidden columns", () => {
    expect(columnNameProblem("$path")).toBe('"$path" starts with "$", which marks Athena\'s hidden columns ("$path", "$file_size", ...); choose another name');
  });

  it("fails when the name holds a line break", () => {
    expect(columnNameProblem("a\nb")).toBe('"a?b" holds a line break or control character; Glue names are single-line text');
  });

  it("fails when the name is empty or longer than Glue's 255 characters", () => {
    expect(columnNameProblem("")).toBe("a name cannot be empty");
    expect(columnNameProblem("a".repeat(256))).toBe(`"${"a".repeat(256)}" is 256 characters long; the limit is 255`);
  });
});

describe("table and view names", () => {
  it.each(["alb_logs", "vpc-flow-logs", "2024_orders", "_staging", "group", "user"])("accepts %s", (name) => {
    expect(relationNameProblem(name)).toBeUndefined();
  });

  it("fails when the name has characters an S3 prefix or a file name cannot carry cleanly, suggesting snake_case", () => {
    expect(relationNameProblem("articleViews")).toBe(
      '"articleViews" is not a valid table or view name: use lower-case letters, digits, "_" and "-" (it also names the S3 prefix and the .sql file) (e.g. "article_views")',
    );
    expect(relationNameProblem("a/b")).toBe(
      '"a/b" is not a valid table or view name: use lower-case letters, digits, "_" and "-" (it also names the S3 prefix and the .sql file) (e.g. "a_b")',
    );
  });
});

describe("resource names (domains, transforms, ingestions, datasets, exports)", () => {
  it("accepts lower-case names with digits and underscores", () => {
    expect(identifierProblem("article_views_2024", 128)).toBeUndefined();
  });

  it("fails when the name has capitals, and suggests the snake_case form", () => {
    expect(identifierProblem("articleViews", 128)).toBe(
      '"articleViews" is not a valid name: use lower-case letters, digits and "_", starting with a letter (it also names roles, state machines and stacks) (e.g. "article_views")',
    );
  });

  it("fails when the name is too long", () => {
    expect(identifierProblem("a".repeat(41), 40)).toBe(`"${"a".repeat(41)}" is 41 characters long; the limit is 40`);
  });

  it("fails when a domain's database would be a reserved word every query must quote", () => {
    expect(databaseNameProblem("group", 40)).toBe(
      '"group" is a reserved word in Athena SQL, so every query would have to quote the database ("group".table); choose another name (e.g. "group_data")',
    );
    expect(databaseNameProblem("user", 40)).toBeUndefined();
  });
});

describe("domain names", () => {
  it("fails when a domain takes the platform's own database name", async () => {
    const { domainName } = await import("../src/declarations/domain.ts");
    expect(domainName.safeParse("platform").error?.issues[0]?.message).toBe(`"platform" is the platform's own database; choose another domain name`);
  });
});
