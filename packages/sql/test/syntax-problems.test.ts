import { describe, expect, it } from "vitest";
import { analyzeView, type SqlProblem } from "../src/index.ts";
import { inNews } from "./news-catalog.ts";

function problems(sql: string): readonly SqlProblem[] {
  return analyzeView(sql, inNews()).problems;
}

describe("analyzeView on syntax errors: one message per mistake, with its likely cause", () => {
  it("fails when a \"(\" is never closed, at the one the parser was inside of", () => {
    expect(problems("SELECT dt, count(* AS n FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 17,
        "message": "syntax error: this \"(\" is never closed; add the missing \")\""
      }
    ]);
  });

  it("fails when a \")\" closes nothing", () => {
    expect(problems("SELECT dt) FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 10,
        "message": "syntax error: this \")\" closes nothing; remove it or add the missing \"(\""
      }
    ]);
  });

  it("fails when a string is never closed, at the literal that swallowed the code", () => {
    expect(problems("SELECT dt FROM article_views WHERE referrer = 'feed AND dt = '2024-01-01'")).toEqual([
      {
        "line": 1,
        "column": 47,
        "message": "syntax error: the string that starts here is never closed; end it with ' (write '' for a quote inside a string)"
      }
    ]);
  });

  it("fails when a quoted name is never closed", () => {
    expect(problems("SELECT \"dt, \"referrer\" FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 8,
        "message": "syntax error: the quoted name that starts here is never closed; end it with \""
      }
    ]);
  });

  it("fails when a comment is never closed", () => {
    expect(problems("SELECT dt /* the day FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 11,
        "message": "syntax error: the comment that starts here is never closed; end it with */"
      }
    ]);
  });

  it("fails when a comma is missing between select items", () => {
    expect(problems("SELECT dt referrer user_id FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 20,
        "message": "syntax error: \"user_id\" cannot follow \"referrer\" here; is a comma missing before \"user_id\"? (two names in a row read as a value and its alias)"
      }
    ]);
  });

  it("fails when a comma is missing after an alias", () => {
    expect(problems("SELECT count(*) AS n dt FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 22,
        "message": "syntax error: \"dt\" cannot follow \"n\" here; is a comma missing before \"dt\"? (two names in a row read as a value and its alias)"
      }
    ]);
  });

  it("fails when a comma is missing before a function call", () => {
    expect(problems("SELECT dt, referrer\n  rank() OVER (ORDER BY dt) AS r FROM article_views")).toEqual([
      {
        "line": 2,
        "column": 3,
        "message": "syntax error: \"rank\" cannot follow \"referrer\" here; is a comma missing before \"rank\"? (two names in a row read as a value and its alias)"
      }
    ]);
  });

  it("fails when FROM is misspelt", () => {
    expect(problems("SELECT dt FORM article_views")).toEqual([
      {
        "line": 1,
        "column": 11,
        "message": "syntax error: \"FORM\" is not a keyword here; did you mean FROM?"
      }
    ]);
  });

  it("fails when WHERE is misspelt", () => {
    expect(problems("SELECT dt FROM article_views WHER dt = '2024-01-01'")).toEqual([
      {
        "line": 1,
        "column": 30,
        "message": "syntax error: \"WHER\" is not a keyword here; did you mean WHERE?"
      }
    ]);
  });

  it("fails when a keyword is misspelt where the parser stops", () => {
    expect(problems("SELECT dt, count(*) AS n FROM article_views GROPU BY dt")).toEqual([
      {
        "line": 1,
        "column": 45,
        "message": "syntax error: \"GROPU\" is not a keyword here; did you mean GROUP?"
      }
    ]);
  });

  it("fails when a list ends with a comma", () => {
    expect(problems("SELECT dt, referrer, FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 20,
        "message": "syntax error: nothing follows this \",\"; remove it (a list cannot end with a comma before FROM)"
      }
    ]);
  });

  it("fails when a reserved word is used as a name without quotes", () => {
    expect(problems("SELECT group FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 8,
        "message": "syntax error: \"group\" is a reserved word in Athena SQL; to use it as a name, quote it: \"group\""
      }
    ]);
  });

  it("fails when a reserved word is used as an argument without quotes", () => {
    expect(problems("SELECT from_unixtime(end) AS e FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 22,
        "message": "syntax error: \"end\" is a reserved word in Athena SQL; to use it as a name, quote it: \"end\""
      }
    ]);
  });

  it("fails when a hidden column is written without quotes", () => {
    expect(problems("SELECT $path AS p FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 8,
        "message": "syntax error: a name starting with \"$\" must be quoted; hidden columns are written \"$path\", \"$file_size\", \"$file_modified_time\", \"$partition\""
      }
    ]);
  });

  it("fails when a name starts with a digit", () => {
    expect(problems("SELECT 5xx_count FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 8,
        "message": "identifiers must not start with a digit; surround the identifier with double quotes: \"5xx_count\""
      }
    ]);
  });

  it("fails when a name is quoted with backquotes", () => {
    expect(problems("SELECT `dt` FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 8,
        "message": "syntax error: Athena SQL quotes names with double quotes, not backquotes; write \"name\" (backquotes are Hive DDL)"
      }
    ]);
  });

  it("fails on Hive LATERAL VIEW, naming the Trino construct", () => {
    expect(problems("SELECT t.tag FROM articles LATERAL VIEW explode(tags) t AS tag")).toEqual([
      {
        "line": 1,
        "column": 28,
        "message": "syntax error: LATERAL VIEW is Hive syntax that Athena (Trino) does not have; write CROSS JOIN UNNEST(array_column) AS t(element)"
      }
    ]);
  });

  it("fails when the query nests too deeply to analyse, at the place, without crashing", () => {
    const parentheses = `SELECT ${"(".repeat(200)}1${")".repeat(200)} AS x`;
    expect(problems(parentheses)).toEqual([
      {
        line: 1,
        column: 158,
        message: "the query nests parentheses more than 150 deep, too deep to analyse; split the expression or the subqueries into WITH queries",
      },
    ]);
    const chain = `SELECT ${Array.from({ length: 600 }, () => "dwell_time_ms").join(" + ")} AS x FROM article_views`;
    const result = problems(chain);
    expect(result).toHaveLength(1);
    expect(result[0]?.message).toBe("the query is nested too deeply to analyse; split the expression or the subqueries into WITH queries");
  });
});
