import { describe, expect, it } from "vitest";
import { analyzeView, type SqlProblem } from "../src/index.ts";
import { inNews } from "./news-catalog.ts";

function problems(sql: string): readonly SqlProblem[] {
  return analyzeView(sql, inNews()).problems;
}

describe("analyzeView on function calls", () => {
  it("fails when a function does not exist, suggesting the closest one (DATE_TRUNK)", () => {
    expect(problems("SELECT DATE_TRUNK('day', viewed_at) AS d FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 8,
        "message": "function DATE_TRUNK is not registered in Athena (engine v3, Trino functions); did you mean date_trunc?"
      }
    ]);
  });

  it("fails when a function name is misspelt (json_extract_scaler)", () => {
    expect(problems("SELECT json_extract_scaler(referrer, '$.a') AS a FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 8,
        "message": "function json_extract_scaler is not registered in Athena (engine v3, Trino functions); did you mean json_extract_scalar?"
      }
    ]);
  });

  it("fails when a function gets too few arguments, naming its signature (split_part)", () => {
    expect(problems("SELECT split_part(referrer, '-') AS a FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 8,
        "message": "split_part takes 3 arguments, not 2: split_part(varchar(x), varchar(y), bigint) → varchar(x)"
      }
    ]);
  });

  it("fails when an aggregate gets too few arguments, naming every signature (approx_percentile)", () => {
    expect(problems("SELECT approx_percentile(dwell_time_ms) AS p FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 8,
        "message": "approx_percentile takes 2, 3 or 4 arguments, not 1: approx_percentile(bigint, double) → bigint, approx_percentile(double, double) → double, approx_percentile(real, double) → real, approx_percentile(bigint, array(double)) → array(bigint), approx_percentile(double, array(double)) → array(double), approx_percentile(real, array(double)) → array(real), approx_percentile(bigint, double, double) → bigint, approx_percentile(double, double, double) → double, … (7 more)"
      }
    ]);
  });

  it("fails when a Hive or Spark function is used, naming the Trino one (percentile_approx)", () => {
    expect(problems("SELECT percentile_approx(dwell_time_ms, 0.5) AS p FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 8,
        "message": "percentile_approx is a Hive/Spark function that Athena (engine v3, Trino) does not have; write approx_percentile(x, 0.5) (Athena does not support it (Hive views list it as unsupported); approx_percentile also takes an array of percentages.)"
      }
    ]);
  });

  it("fails when an aggregate gets an argument of a type it does not take (sum of varchar)", () => {
    expect(problems("SELECT sum(referrer) AS s FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 8,
        "message": "unexpected parameters (varchar) for function sum; expected: sum(decimal(p,s)) → decimal(38,s), sum(double) → double, sum(interval day to second) → interval day to second, sum(interval year to month) → interval year to month, sum(bigint) → bigint, sum(real) → real. CAST the arguments to one of these types"
      }
    ]);
  });

  it("fails when a window function has no OVER", () => {
    expect(problems("SELECT rank() AS r FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 8,
        "message": "rank is a window function and needs OVER (...), e.g. rank() OVER (PARTITION BY ... ORDER BY ...)"
      }
    ]);
  });

  it("fails when a scalar function has OVER", () => {
    expect(problems("SELECT lower(referrer) OVER (ORDER BY dt) AS r FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 24,
        "message": "lower is not an aggregate or window function, so it cannot have OVER (...); remove the OVER clause"
      }
    ]);
  });

  it("fails when DISTINCT is used inside a scalar function", () => {
    expect(problems("SELECT lower(DISTINCT referrer) AS r FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 14,
        "message": "DISTINCT inside a call applies only to aggregate functions, and lower is not one"
      }
    ]);
  });

  it("fails when a lambda is used outside a function that takes one", () => {
    expect(problems("SELECT x -> x + 1 AS f FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 8,
        "message": "a lambda (x -> ...) can only be an argument of a function that takes one, such as transform or filter"
      }
    ]);
  });

  it("fails when a function Trino documents is not available in Athena", () => {
    expect(problems("SELECT objectid() AS o FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 8,
        "message": "Athena does not support objectid: objectid() belongs to Trino's MongoDB connector; Athena supports neither Trino nor Presto connectors (it queries MongoDB through Athena Federated Query)"
      }
    ]);
  });

  it("fails when a pattern navigation function is used outside MATCH_RECOGNIZE", () => {
    expect(problems("SELECT prev(dt) AS p FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 8,
        "message": "prev() is only valid inside MATCH_RECOGNIZE (in MEASURES and DEFINE); outside it, use lag()/lead() or first_value()/last_value() OVER (...)"
      }
    ]);
  });

  it("fails when COALESCE operands have no common type", () => {
    expect(problems("SELECT coalesce(referrer, 0) AS x FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 27,
        "message": "all COALESCE operands must be the same type or coercible to a common type; cannot find a common type of varchar, integer: CAST them to one type, e.g. CAST(0 AS varchar)"
      }
    ]);
  });

  it("accepts every overload Athena resolves, and types the result from the chosen one", () => {
    const scalars = analyzeView(
      `SELECT round(dwell_time_ms) AS a, round(dwell_time_ms * 1.5, 1) AS b, date_trunc('day', viewed_at) AS f,
        ceiling(dwell_time_ms / 2.0) AS g, concat(referrer, '-', dt) AS h
      FROM article_views`,
      inNews(),
    );
    expect(scalars.problems).toEqual([]);
    expect(scalars.outputColumns.map((c) => `${c.name}: ${c.type}`)).toEqual([
      "a: integer",
      "b: decimal(13,1)",
      "f: timestamp(3)",
      "g: decimal(12,0)",
      "h: varchar",
    ]);
    const aggregates = analyzeView(
      "SELECT approx_percentile(dwell_time_ms, ARRAY[0.5, 0.9]) AS c, sum(dwell_time_ms) AS d, max_by(referrer, viewed_at) AS e FROM article_views",
      inNews(),
    );
    expect(aggregates.problems).toEqual([]);
    expect(aggregates.outputColumns.map((c) => `${c.name}: ${c.type}`)).toEqual(["c: array(bigint)", "d: bigint", "e: varchar"]);
  });
});
