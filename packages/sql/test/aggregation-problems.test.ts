import { describe, expect, it } from "vitest";
import { analyzeView, type SqlProblem } from "../src/index.ts";
import { inNews } from "./news-catalog.ts";

function problems(sql: string): readonly SqlProblem[] {
  return analyzeView(sql, inNews()).problems;
}

describe("analyzeView on aggregated queries (Trino's aggregation rules)", () => {
  it("fails when a selected column is neither grouped nor aggregated", () => {
    expect(problems("SELECT dt, referrer, count(*) AS n FROM article_views GROUP BY dt")).toEqual([
      {
        "line": 1,
        "column": 12,
        "message": "'referrer' must be an aggregate expression or appear in GROUP BY clause; add it to GROUP BY or aggregate it (e.g. arbitrary(referrer))"
      }
    ]);
  });

  it("fails when GROUP BY positions leave a column out (GROUP BY 1, 2 with three keys)", () => {
    expect(problems("SELECT dt, referrer, device.os AS os, count(*) AS n FROM article_views GROUP BY 1, 2")).toEqual([
      {
        "line": 1,
        "column": 22,
        "message": "'device.os' must be an aggregate expression or appear in GROUP BY clause; add it to GROUP BY or aggregate it (e.g. arbitrary(device.os))"
      }
    ]);
  });

  it("fails when a GROUP BY position is past the end, and reports nothing after it", () => {
    expect(problems("SELECT dt, count(*) AS n FROM article_views GROUP BY 3")).toEqual([
      {
        "line": 1,
        "column": 54,
        "message": "GROUP BY position 3 is not in select list; the SELECT has 2 columns"
      }
    ]);
  });

  it("fails when a GROUP BY position names an aggregate", () => {
    expect(problems("SELECT dt, count(*) AS n FROM article_views GROUP BY dt, 2")).toEqual([
      {
        "line": 1,
        "column": 58,
        "message": "GROUP BY position 2 refers to count(*), an aggregate or window function; group by the columns it aggregates instead"
      }
    ]);
  });

  it("fails when HAVING uses a column that is neither grouped nor aggregated", () => {
    expect(problems("SELECT dt, count(*) AS n FROM article_views GROUP BY dt HAVING referrer = 'x'")).toEqual([
      {
        "line": 1,
        "column": 64,
        "message": "'referrer' must be an aggregate expression or appear in GROUP BY clause; add it to GROUP BY or aggregate it (e.g. arbitrary(referrer))"
      }
    ]);
  });

  it("fails when an aggregate is nested in an aggregate", () => {
    expect(problems("SELECT dt, sum(count(*)) AS n FROM article_views GROUP BY dt")).toEqual([
      {
        "line": 1,
        "column": 16,
        "message": "cannot nest aggregations inside aggregation 'sum': count(*); compute the inner aggregate in a subquery or WITH query first"
      }
    ]);
  });

  it("fails when a window function is nested in an aggregate", () => {
    expect(problems("SELECT dt, sum(rank() OVER (ORDER BY dt)) AS n FROM article_views GROUP BY dt")).toEqual([
      {
        "line": 1,
        "column": 16,
        "message": "cannot nest window functions inside aggregation 'sum': rank() OVER (ORDER BY dt); compute the window function in a subquery first"
      }
    ]);
  });

  it("fails when WHERE holds an aggregate", () => {
    expect(problems("SELECT dt FROM article_views WHERE count(*) > 1")).toEqual([
      {
        "line": 1,
        "column": 36,
        "message": "the WHERE clause cannot contain aggregations, window functions or grouping operations: count(*); filter aggregates in HAVING, window functions in an outer query"
      }
    ]);
  });

  it("fails when WHERE holds a window function", () => {
    expect(problems("SELECT dt FROM article_views WHERE row_number() OVER (ORDER BY dt) = 1")).toEqual([
      {
        "line": 1,
        "column": 36,
        "message": "the WHERE clause cannot contain aggregations, window functions or grouping operations: row_number() OVER (ORDER BY dt); filter aggregates in HAVING, window functions in an outer query"
      }
    ]);
  });

  it("fails when HAVING holds a window function", () => {
    expect(problems("SELECT dt, count(*) AS n FROM article_views GROUP BY dt HAVING rank() OVER (ORDER BY dt) = 1")).toEqual([
      {
        "line": 1,
        "column": 64,
        "message": "the HAVING clause cannot contain window functions: rank() OVER (ORDER BY dt); filter on the window function in an outer query"
      }
    ]);
  });

  it("fails when GROUP BY holds an aggregate", () => {
    expect(problems("SELECT count(*) AS n FROM article_views GROUP BY count(*)")).toEqual([
      {
        "line": 1,
        "column": 50,
        "message": "the GROUP BY clause cannot contain aggregations, window functions or grouping operations: count(*); group by the columns the aggregate reads, or aggregate in an outer query"
      }
    ]);
  });

  it("fails when grouping() names a column that is not grouped", () => {
    expect(problems("SELECT dt, grouping(referrer) AS g, count(*) AS n FROM article_views GROUP BY dt")).toEqual([
      {
        "line": 1,
        "column": 21,
        "message": "the arguments of grouping() must be grouping columns, and referrer is not in GROUP BY"
      }
    ]);
  });

  it("fails when * expands columns that are not grouped, at the first", () => {
    expect(problems("SELECT *, count(*) AS n FROM article_views GROUP BY dt")).toEqual([
      {
        "line": 1,
        "column": 8,
        "message": "'event_id' must be an aggregate expression or appear in GROUP BY clause; add it to GROUP BY or aggregate it (e.g. arbitrary(event_id))"
      }
    ]);
  });

  it("fails when an aggregated query orders by a column that is not grouped", () => {
    expect(problems("SELECT dt, count(*) AS n FROM article_views GROUP BY dt ORDER BY referrer")).toEqual([
      {
        "line": 1,
        "column": 66,
        "message": "'referrer' must be an aggregate expression or appear in GROUP BY clause; add it to GROUP BY or aggregate it (e.g. arbitrary(referrer))"
      }
    ]);
  });

  it("fails when SELECT DISTINCT orders by a column it does not select", () => {
    expect(problems("SELECT DISTINCT dt FROM article_views ORDER BY referrer")).toEqual([
      {
        "line": 1,
        "column": 48,
        "message": "for SELECT DISTINCT, ORDER BY expressions must appear in the select list: referrer; select it or order by a selected column"
      }
    ]);
  });

  it("fails when an ORDER BY position is past the end", () => {
    expect(problems("SELECT dt, count(*) AS n FROM article_views GROUP BY dt ORDER BY 3")).toEqual([
      {
        "line": 1,
        "column": 66,
        "message": "ORDER BY position 3 is not in select list; the SELECT has 2 columns"
      }
    ]);
  });

  it("fails when an aggregate is mixed with a plain column and no GROUP BY", () => {
    expect(problems("SELECT dt, count(*) AS n FROM article_views")).toEqual([
      {
        "line": 1,
        "column": 8,
        "message": "'dt' must be an aggregate expression or appear in GROUP BY clause; add it to GROUP BY or aggregate it (e.g. arbitrary(dt))"
      }
    ]);
  });

  it.each([
    ["grouping sets", "SELECT dt, referrer, count(*) AS n FROM article_views GROUP BY GROUPING SETS ((dt), (dt, referrer), ())"],
    ["ROLLUP with grouping()", "SELECT dt, referrer, count(*) AS n, grouping(dt, referrer) AS g FROM article_views GROUP BY ROLLUP (dt, referrer)"],
    ["CUBE ordered by an alias and a key", "SELECT dt, referrer, count(*) AS n FROM article_views GROUP BY CUBE (dt, referrer) ORDER BY n DESC, dt"],
    ["window functions over aggregates", "SELECT dt, sum(count(*)) OVER () AS total, rank() OVER (ORDER BY count(*) DESC) AS r FROM article_views GROUP BY dt"],
    ["a key qualified in SELECT and bare in GROUP BY", "SELECT v.dt, count(*) AS n FROM article_views v GROUP BY dt"],
    ["a grouped expression", "SELECT upper(referrer) AS r, count(*) AS n FROM article_views GROUP BY upper(referrer)"],
    ["a grouped position ordered by its alias", "SELECT date_trunc('day', viewed_at) AS d, count(*) AS n FROM article_views GROUP BY 1 ORDER BY d"],
    ["HAVING on a global aggregate", "SELECT count(*) AS n FROM article_views HAVING count(*) > 1"],
    ["FILTER on an aggregate", "SELECT dt, max(viewed_at) FILTER (WHERE dwell_time_ms > 0) AS last_read FROM article_views GROUP BY dt"],
    ["ORDER BY an aggregate and a position", "SELECT dt, count(*) AS n FROM article_views GROUP BY dt ORDER BY count(*), 1"],
    ["a correlated subquery reading a key", "SELECT dt, (SELECT count(*) FROM ads.clicks c WHERE c.dt = v.dt) AS clicks FROM article_views v GROUP BY dt"],
  ])("accepts %s", (_name, sql) => {
    expect(problems(sql)).toEqual([]);
  });
});
