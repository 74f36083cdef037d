import { describe, expect, it } from "vitest";
import { analyzeView, type ViewAnalysis } from "../src/index.ts";
import { inNews } from "./news-catalog.ts";

function analyze(sql: string): ViewAnalysis {
  return analyzeView(sql, inNews());
}

describe("analyzeView on what the file holds", () => {
  it("accepts one SELECT with a trailing semicolon", () => {
    const result = analyze("SELECT dt FROM ads.clicks;\n");
    expect(result.problems).toEqual([]);
    expect(result.outputColumns).toEqual([{ name: "dt", type: "varchar", line: 1, column: 8 }]);
  });

  it("fails when the SQL has a syntax error, at the error's position, and skips the rest", () => {
    const result = analyze("SELECT\n  dt,\n  count(* AS n\nFROM nowhere");
    // One error per mistake: the "(" that is never closed, not every token the parser trips over after it.
    expect(result.problems).toEqual([{ line: 3, column: 8, message: 'syntax error: this "(" is never closed; add the missing ")"' }]);
    expect(result.references).toEqual([]);
    expect(result.outputColumns).toEqual([]);
  });

  it("fails when the statement stops half-way", () => {
    expect(analyze("SELECT dt FROM ads.clicks WHERE").problems).toEqual([
      { line: 1, column: 32, message: "syntax error: the statement is incomplete; something is missing at the end" },
    ]);
  });

  it("fails when a keyword is misspelt", () => {
    expect(analyze("SELEC dt FROM ads.clicks").problems).toEqual([
      { line: 1, column: 1, message: 'syntax error: "SELEC" is not a keyword here; did you mean SELECT?' },
    ]);
  });

  it("fails when the file wraps the SELECT in CREATE VIEW", () => {
    expect(analyze("CREATE VIEW news.top_articles AS\nSELECT article_id FROM articles").problems).toEqual([
      {
        line: 1,
        column: 1,
        message: 'write only the SELECT; Baikal creates the view from the file name and domain.ts (remove "CREATE VIEW ... AS")',
      },
    ]);
  });

  it("fails when the file wraps the SELECT in CREATE OR REPLACE VIEW, naming the words to remove", () => {
    expect(analyze("create or replace view v as select 1 as one").problems).toEqual([
      {
        line: 1,
        column: 1,
        message: 'write only the SELECT; Baikal creates the view from the file name and domain.ts (remove "CREATE OR REPLACE VIEW ... AS")',
      },
    ]);
  });

  it("fails when the file holds two statements, at the second one", () => {
    const result = analyze("SELECT dt FROM ads.clicks;\nSELECT dt FROM ads.impressions;");
    expect(result.problems).toEqual([
      {
        line: 2,
        column: 1,
        message: "the file holds 2 statements; a view file holds exactly one SELECT (remove the others or put each view in its own file)",
      },
    ]);
  });

  it("fails when the file is empty", () => {
    expect(analyze("").problems).toEqual([{ line: 1, column: 1, message: "the file is empty; write one SELECT statement" }]);
    expect(analyze("  \n\t\n").problems).toEqual([{ line: 1, column: 1, message: "the file is empty; write one SELECT statement" }]);
  });

  it("fails when the file holds only comments", () => {
    expect(analyze("-- top articles, to do\n/* SELECT * FROM articles */\n").problems).toEqual([
      { line: 1, column: 1, message: "the file is empty; write one SELECT statement" },
    ]);
  });

  it("fails when the file holds an INSERT statement", () => {
    expect(analyze("INSERT INTO news.daily_views SELECT dt, count(*) FROM article_views GROUP BY dt").problems).toEqual([
      {
        line: 1,
        column: 1,
        message: 'expected a SELECT query, found "INSERT INTO ..."; a view file holds only the SELECT that defines the view',
      },
    ]);
  });

  it("fails when the file holds a DROP statement", () => {
    expect(analyze("DROP TABLE ads.clicks").problems).toEqual([
      {
        line: 1,
        column: 1,
        message: 'expected a SELECT query, found "DROP TABLE ..."; a view file holds only the SELECT that defines the view',
      },
    ]);
  });

  it("accepts comparisons with ANY, SOME and ALL (subquery), which the grammar alone would split into two statements", () => {
    for (const quantifier of ["ANY", "SOME", "ALL"]) {
      const result = analyze(`SELECT title FROM articles WHERE article_id > ${quantifier} (SELECT article_id FROM article_views)`);
      expect(result.problems).toEqual([]);
      expect(result.references.map((r) => r.name)).toEqual(["articles", "article_views"]);
    }
  });

  it("fails when a quantified comparison compares values of different types", () => {
    expect(analyze("SELECT title FROM articles WHERE title = ANY (SELECT article_id FROM article_views)").problems).toEqual([
      {
        line: 1,
        column: 40,
        message:
          "cannot apply operator: varchar = bigint; Athena never converts between these types implicitly: e.g. CAST(title AS bigint) = ANY (SELECT article_id FROM article_views)",
      },
    ]);
  });

  it("fails when the query is a bare VALUES, whose columns have no names", () => {
    expect(analyze("VALUES (1, 'a'), (2, 'b')").problems).toEqual([
      {
        line: 1,
        column: 1,
        message: "VALUES gives its columns no names; select from it and name them, e.g. SELECT * FROM (VALUES ...) AS t(a, b)",
      },
    ]);
  });

  it("names VALUES columns through the alias of the subquery that holds them", () => {
    const result = analyze("SELECT id, label FROM (VALUES (1, 'web'), (2, 'app')) AS t(id, label)");
    expect(result.problems).toEqual([]);
    expect(result.outputColumns.map((c) => [c.name, c.type])).toEqual([
      ["id", "integer"],
      ["label", "varchar(3)"],
    ]);
  });
});
