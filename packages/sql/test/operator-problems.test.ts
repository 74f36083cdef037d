import { describe, expect, it } from "vitest";
import { analyzeView, type SqlProblem } from "../src/index.ts";
import { inNews } from "./news-catalog.ts";

function problems(sql: string): readonly SqlProblem[] {
  return analyzeView(sql, inNews()).problems;
}

describe("analyzeView on operators and conditions (Trino's own coercion rules)", () => {
  it("fails when a bigint is compared with a string, with the CAST that fixes it", () => {
    expect(problems("SELECT user_id FROM article_views WHERE user_id = '1.2.3.4'")).toEqual([
      {
        "line": 1,
        "column": 49,
        "message": "cannot apply operator: bigint = varchar(7); Athena never converts between these types implicitly: e.g. CAST(user_id AS varchar) = '1.2.3.4'"
      }
    ]);
  });

  it("suggests the number itself when the string holds one", () => {
    expect(problems("SELECT user_id FROM article_views WHERE user_id = '42'")).toEqual([
      {
        "line": 1,
        "column": 49,
        "message": "cannot apply operator: bigint = varchar(2); Athena never converts between these types implicitly: e.g. user_id = 42"
      }
    ]);
  });

  it("fails when a string is compared with a number", () => {
    expect(problems("SELECT user_id FROM article_views WHERE referrer > 4")).toEqual([
      {
        "line": 1,
        "column": 50,
        "message": "cannot apply operator: varchar > integer; Athena never converts between these types implicitly: e.g. CAST(referrer AS integer) > 4"
      }
    ]);
  });

  it("fails when a timestamp is compared with a string, suggesting a typed literal", () => {
    expect(problems("SELECT user_id FROM article_views WHERE viewed_at > '2024-01-01'")).toEqual([
      {
        "line": 1,
        "column": 51,
        "message": "cannot apply operator: timestamp(3) > varchar(10); Athena never converts between these types implicitly: e.g. viewed_at > TIMESTAMP '2024-01-01'"
      }
    ]);
  });

  it("fails when a date is compared with a string", () => {
    expect(problems("SELECT user_id FROM article_views WHERE CAST(viewed_at AS date) = '2024-01-01'")).toEqual([
      {
        "line": 1,
        "column": 65,
        "message": "cannot apply operator: date = varchar(10); Athena never converts between these types implicitly: e.g. CAST(viewed_at AS date) = DATE '2024-01-01'"
      }
    ]);
  });

  it("fails when maps are ordered with <", () => {
    expect(problems("SELECT user_id FROM article_views WHERE map(ARRAY[1], ARRAY[2]) < map(ARRAY[1], ARRAY[3])")).toEqual([
      {
        "line": 1,
        "column": 65,
        "message": "cannot apply operator: map(integer, integer) < map(integer, integer); values of type map(integer, integer) cannot be ordered (only = and <> compare them)"
      }
    ]);
  });

  it("fails when a string takes part in arithmetic", () => {
    expect(problems("SELECT referrer + 1 AS x FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 17,
        "message": "cannot apply operator: varchar + integer; Athena never converts between these types implicitly: e.g. CAST(referrer AS integer) + 1"
      }
    ]);
  });

  it("fails when || joins a string and a number, casting the number", () => {
    expect(problems("SELECT referrer || dwell_time_ms AS x FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 17,
        "message": "cannot apply operator: varchar || integer; Athena never converts between these types implicitly: e.g. referrer || CAST(dwell_time_ms AS varchar)"
      }
    ]);
  });

  it("fails when a value that is not a number is negated", () => {
    expect(problems("SELECT -referrer AS x FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 8,
        "message": "cannot apply operator: -varchar; it needs a number or an interval"
      }
    ]);
  });

  it("fails when CASE results have no common type", () => {
    expect(problems("SELECT CASE WHEN user_id > 0 THEN referrer ELSE user_id END AS x FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 49,
        "message": "all CASE results must be the same type or coercible to a common type; cannot find a common type of varchar, bigint: CAST them to one type, e.g. CAST(user_id AS varchar)"
      }
    ]);
  });

  it("fails when IN list items and the value have no common type", () => {
    expect(problems("SELECT user_id FROM article_views WHERE user_id IN (1, 'a')")).toEqual([
      {
        "line": 1,
        "column": 56,
        "message": "all IN values and list items must be the same type or coercible to a common type; cannot find a common type of bigint, varchar(1): e.g. CAST(user_id AS varchar) IN ('a', ...)"
      }
    ]);
  });

  it("fails when BETWEEN bounds do not fit the value", () => {
    expect(problems("SELECT user_id FROM article_views WHERE user_id BETWEEN 'a' AND 'b'")).toEqual([
      {
        "line": 1,
        "column": 49,
        "message": "cannot check if bigint is BETWEEN varchar(1) and varchar(1); CAST the bounds to bigint (or the value to their type)"
      }
    ]);
  });

  it("fails when LIKE is applied to a number", () => {
    expect(problems("SELECT user_id FROM article_views WHERE user_id LIKE '1%'")).toEqual([
      {
        "line": 1,
        "column": 49,
        "message": "the left side of LIKE must be a varchar (actual: bigint); CAST it to varchar"
      }
    ]);
  });

  it("fails when WHERE is not a condition", () => {
    expect(problems("SELECT user_id FROM article_views WHERE referrer")).toEqual([
      {
        "line": 1,
        "column": 41,
        "message": "the WHERE clause must evaluate to a boolean, but it is varchar; compare it with something (e.g. x = ...)"
      }
    ]);
  });

  it("fails when a side of AND is not a condition", () => {
    expect(problems("SELECT user_id FROM article_views WHERE user_id > 1 AND referrer")).toEqual([
      {
        "line": 1,
        "column": 57,
        "message": "the right side of AND must evaluate to a boolean (actual: varchar); compare it with something (e.g. x = ...)"
      }
    ]);
  });

  it("fails when the JOIN ON condition is not a condition", () => {
    expect(problems("SELECT v.dt FROM article_views v JOIN ads.impressions i ON i.hour")).toEqual([
      {
        "line": 1,
        "column": 60,
        "message": "the JOIN ON condition must evaluate to a boolean, but it is integer; compare it with something (e.g. x = ...)"
      }
    ]);
  });

  it("fails when the columns of UNION have no common type, at UNION", () => {
    expect(problems("SELECT user_id AS x FROM article_views UNION ALL SELECT referrer FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 40,
        "message": "column 1 (x) in UNION ALL query has incompatible types: bigint, varchar; CAST one side to the other's type"
      }
    ]);
  });

  it("fails when an array is subscripted with a string", () => {
    expect(problems("SELECT tags['a'] AS t FROM articles")).toEqual([
      {
        "line": 1,
        "column": 13,
        "message": "cannot subscript array(varchar) with varchar(1): an array takes an integer position, a map a key of its key type"
      }
    ]);
  });

  it("fails when a value that has no elements is subscripted", () => {
    expect(problems("SELECT title[1] AS t FROM articles")).toEqual([
      {
        "line": 1,
        "column": 8,
        "message": "cannot subscript a value of type varchar; only arrays, maps and rows have elements"
      }
    ]);
  });

  it("fails when ARRAY elements have no common type", () => {
    expect(problems("SELECT ARRAY[1, 'a'] AS t FROM articles")).toEqual([
      {
        "line": 1,
        "column": 17,
        "message": "all ARRAY elements must be the same type or coercible to a common type; cannot find a common type of integer, varchar(1): CAST them to one type, e.g. CAST('a' AS integer)"
      }
    ]);
  });

  it("accepts what Trino coerces implicitly: integers to bigint and decimal, date to timestamp, char to varchar", () => {
    expect(
      problems(
        `SELECT user_id FROM article_views v JOIN articles a ON a.article_id = v.article_id
         WHERE v.dwell_time_ms < v.user_id AND v.dwell_time_ms * 1.5 > 2 AND CAST(v.viewed_at AS date) < a.published_at
           AND v.referrer = CAST('x' AS char(1)) AND v.referrer IN ('a', 'b') AND v.user_id BETWEEN 1 AND 3000000000
           AND v.viewed_at BETWEEN DATE '2024-01-01' AND TIMESTAMP '2024-02-01 00:00:00' AND v.referrer LIKE '%' || 'x'`,
      ),
    ).toEqual([]);
  });
});
