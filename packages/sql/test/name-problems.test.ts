import { describe, expect, it } from "vitest";
import { analyzeView, type SqlProblem, type ViewAnalysis } from "../src/index.ts";
import { inNews } from "./news-catalog.ts";

function analyze(sql: string): ViewAnalysis {
  return analyzeView(sql, inNews());
}

function problems(sql: string): readonly SqlProblem[] {
  return analyze(sql).problems;
}

const CLICKS = "click_id, impression_id, clicked_at, dt";
const IMPRESSIONS = "impression_id, campaign_id, creative_id, user_id, placement, shown_at, bid_price_jpy, dt, hour";

describe("analyzeView on table references", () => {
  it("fails when a qualified table name is misspelt, suggesting the closest one", () => {
    expect(problems("SELECT dt\nFROM ads.impresions")).toEqual([
      { line: 2, column: 6, message: 'unknown table or view "ads.impresions"; did you mean "ads.impressions"?' },
    ]);
  });

  it("fails when an unqualified name is not in the default database, suggesting the database that has it", () => {
    expect(problems("SELECT * FROM impressions")).toEqual([
      {
        line: 1,
        column: 15,
        message: 'unknown table or view "impressions" (a name without a database is looked up in news); did you mean "ads.impressions"?',
      },
    ]);
  });

  it("fails when nothing is close, listing what the database has", () => {
    expect(problems("SELECT * FROM ads.conversions")).toEqual([
      { line: 1, column: 15, message: 'unknown table or view "ads.conversions"; ads has: campaigns, clicks, impressions' },
    ]);
  });

  it("fails when the database is unknown, suggesting a similar one", () => {
    expect(problems("SELECT * FROM adz.clicks")).toEqual([
      { line: 1, column: 15, message: 'unknown database "adz" in "adz.clicks"; did you mean "ads.clicks"?' },
    ]);
  });

  it("fails when the database is unknown and nothing is close, listing the databases", () => {
    expect(problems("SELECT * FROM finance.invoices")).toEqual([
      { line: 1, column: 15, message: 'unknown database "finance" in "finance.invoices" (databases: ads, news)' },
    ]);
  });

  it("fails when a catalog other than awsdatacatalog is named", () => {
    expect(problems("SELECT click_id FROM hive.ads.clicks")).toEqual([
      {
        line: 1,
        column: 22,
        message: 'unknown catalog "hive" in "hive.ads.clicks"; Athena views read from "awsdatacatalog" (or leave the catalog out)',
      },
    ]);
  });

  it("fails when a WITH query is misspelt, suggesting the WITH name", () => {
    expect(problems("WITH daily AS (SELECT dt FROM ads.clicks)\nSELECT dt FROM dayly")).toEqual([
      {
        line: 2,
        column: 16,
        message: 'unknown table or view "dayly" (a name without a database is looked up in news); did you mean "daily"?',
      },
    ]);
  });

  it("reports columns of an unknown table no further: one problem, not a cascade", () => {
    expect(problems("SELECT x.a, b FROM ads.nope x WHERE x.c > 1 AND d = 2")).toHaveLength(1);
  });

  it("lets a WITH query shadow a catalog table of the same name", () => {
    const result = analyze("WITH articles AS (SELECT 1 AS n) SELECT n FROM articles");
    expect(result.problems).toEqual([]);
    expect(result.references).toEqual([]);
  });
});

describe("analyzeView on column references", () => {
  it("fails when a column is not in its table, listing the columns and suggesting the closest", () => {
    expect(problems("SELECT clikc_id FROM ads.clicks")).toEqual([
      { line: 1, column: 8, message: `column "clikc_id" is not in ads.clicks (columns: ${CLICKS}); did you mean "click_id"?` },
    ]);
  });

  it("fails when a qualified column is not in the aliased table", () => {
    expect(problems("SELECT i.clicks\nFROM ads.impressions i")).toEqual([
      { line: 1, column: 8, message: `column "clicks" is not in ads.impressions (columns: ${IMPRESSIONS})` },
    ]);
  });

  it("fails when an unknown column is used in WHERE, JOIN ON, GROUP BY, HAVING, ORDER BY and window specs", () => {
    const sql = `SELECT k.dt, count(*) AS n, rank() OVER (PARTITION BY k.dtt ORDER BY k.dt) AS r
FROM ads.clicks k JOIN ads.impressions i ON i.impresion_id = k.impression_id
WHERE k.clicked > TIMESTAMP '2024-01-01 00:00:00'
GROUP BY k.dt, placment
HAVING count(i.creative) > 1
ORDER BY k.nope`;
    const both = "k.click_id, k.impression_id, k.clicked_at, k.dt, i.impression_id, i.campaign_id, i.creative_id, i.user_id, i.placement, i.shown_at, i.bid_price_jpy, i.dt, i.hour";
    expect(problems(sql)).toEqual([
      { line: 1, column: 55, message: `column "dtt" is not in ads.clicks (columns: ${CLICKS}); did you mean "dt"?` },
      { line: 2, column: 45, message: `column "impresion_id" is not in ads.impressions (columns: ${IMPRESSIONS}); did you mean "impression_id"?` },
      { line: 3, column: 7, message: `column "clicked" is not in ads.clicks (columns: ${CLICKS}); did you mean "clicked_at"?` },
      { line: 4, column: 16, message: `column "placment" is not in ads.clicks or ads.impressions (columns: ${both}); did you mean "placement"?` },
      { line: 5, column: 14, message: `column "creative" is not in ads.impressions (columns: ${IMPRESSIONS}); did you mean "creative_id"?` },
      { line: 6, column: 10, message: `column "nope" is not in ads.clicks (columns: ${CLICKS})` },
    ]);
  });

  it("fails when a WHERE clause uses an output name, explaining that only ORDER BY may", () => {
    expect(problems("SELECT dt AS day FROM ads.clicks WHERE day > '2024-01-01'")).toEqual([
      {
        line: 1,
        column: 40,
        message: `column "day" is not in ads.clicks (columns: ${CLICKS}); "day" is an output name of this SELECT, and only ORDER BY may use output names (repeat the expression, or use its position, e.g. GROUP BY 1)`,
      },
    ]);
  });

  it("lets ORDER BY use output names", () => {
    expect(problems("SELECT dt AS day, count(*) AS n FROM ads.clicks GROUP BY dt ORDER BY n DESC, day")).toEqual([]);
  });

  it("fails when an unqualified column is in two joined tables, naming both", () => {
    expect(problems("SELECT dt\nFROM ads.impressions i JOIN ads.clicks c ON c.impression_id = i.impression_id")).toEqual([
      {
        line: 1,
        column: 8,
        message: 'column "dt" is ambiguous: it is in ads.impressions (as i) and ads.clicks (as c); qualify it, e.g. "i.dt"',
      },
    ]);
  });

  it("fails when a qualifier is not a table alias of the FROM clause, suggesting the closest", () => {
    expect(problems("SELECT imp.dt FROM ads.impressions i JOIN ads.clicks c ON c.impression_id = i.impression_id")).toEqual([
      {
        line: 1,
        column: 8,
        message: 'unknown table alias "imp" in "imp.dt"; the FROM clause has i (ads.impressions), c (ads.clicks)',
      },
    ]);
    expect(problems("SELECT x.* FROM ads.clicks c")).toEqual([
      { line: 1, column: 8, message: 'unknown table alias "x" in "x.*"; the FROM clause has c (ads.clicks)' },
    ]);
  });

  it("fails when a row column is misspelt before its field, suggesting the row column", () => {
    expect(problems("SELECT devce.os FROM article_views")).toEqual([
      {
        line: 1,
        column: 8,
        message: 'unknown table alias "devce" in "devce.os"; the FROM clause has article_views; did you mean "device"?',
      },
    ]);
  });

  it("fails when a row has no such field, suggesting the closest field", () => {
    expect(problems("SELECT device.o_s FROM article_views")).toEqual([
      { line: 1, column: 8, message: 'row "device" has no field "o_s" (fields: os, app_version); did you mean "os"?' },
    ]);
  });

  it("fails when a subquery does not produce the column", () => {
    expect(problems("SELECT s.clicks FROM (SELECT impression_id, count(*) AS n FROM ads.clicks GROUP BY 1) s")).toEqual([
      { line: 1, column: 8, message: 'column "clicks" is not in subquery s (columns: impression_id, n)' },
    ]);
  });

  it("stays silent on lambda parameters, UNNEST aliases, struct fields and correlated references", () => {
    const sql = `SELECT
  a.article_id,
  t.tag,
  transform(tags, x -> concat(x, category)) AS labelled,
  any_match(tags, tag_name -> tag_name = a.category) AS self_tagged,
  (SELECT count(*) FROM article_views v WHERE v.article_id = a.article_id AND v.device.os = 'ios') AS ios_views
FROM articles a
CROSS JOIN UNNEST(tags) AS t(tag)`;
    expect(problems(sql)).toEqual([]);
  });

  it("stays silent on a column merged by two JOIN ... USING clauses", () => {
    expect(problems("SELECT dt, impression_id FROM ads.impressions JOIN ads.clicks USING (impression_id, dt) JOIN article_views USING (dt)")).toEqual([]);
  });

  it("stays silent on columns of relations whose shape it cannot know", () => {
    expect(problems("SELECT anything FROM TABLE(system.sequence(start => 1, stop => 3)) s")).toEqual([]);
  });
});

describe("analyzeView on output columns", () => {
  it("fails when an expression has no name", () => {
    expect(problems("SELECT dt, count(*)\nFROM ads.clicks GROUP BY dt")).toEqual([
      {
        line: 1,
        column: 12,
        message: 'expression "count(*)" has no name; add "AS <name>" (Athena cannot store an unnamed view column)',
      },
    ]);
  });

  it("fails when two output columns have the same name, at the second", () => {
    expect(problems("SELECT i.dt, c.dt\nFROM ads.impressions i JOIN ads.clicks c ON c.impression_id = i.impression_id")).toEqual([
      {
        line: 1,
        column: 14,
        message: 'the SELECT produces two columns named "dt" (the first at line 1, column 8); rename one with "AS <name>"',
      },
    ]);
  });

  it("fails when SELECT * over a join yields a name twice", () => {
    expect(problems("SELECT * FROM ads.impressions i JOIN ads.clicks c ON c.impression_id = i.impression_id")).toEqual([
      {
        line: 1,
        column: 8,
        message: 'the SELECT produces two columns named "impression_id" (the first at line 1, column 8); rename one with "AS <name>"',
      },
      {
        line: 1,
        column: 8,
        message: 'the SELECT produces two columns named "dt" (the first at line 1, column 8); rename one with "AS <name>"',
      },
    ]);
  });

  it("fails when SELECT * takes an unnamed column from a subquery", () => {
    expect(problems("SELECT * FROM (SELECT dt, count(*) FROM ads.clicks GROUP BY dt) s")).toEqual([
      {
        line: 1,
        column: 8,
        message: '"*" selects column 2 of subquery s, which has no name; name it with "AS <name>" where subquery s selects it',
      },
    ]);
  });

  it("fails when the queries of a UNION select different numbers of columns", () => {
    expect(problems("SELECT dt, click_id FROM ads.clicks\nUNION ALL\nSELECT dt FROM ads.impressions")).toEqual([
      {
        line: 2,
        column: 1,
        message: "the queries of UNION ALL select different numbers of columns (2 and 1); each must select the same columns in the same order",
      },
    ]);
  });

  it("fails when a table alias names fewer columns than the table has", () => {
    expect(problems("SELECT a FROM ads.clicks AS k(a, b)")).toEqual([
      { line: 1, column: 30, message: 'alias "k" names 2 columns but ads.clicks has 4; give one name per column' },
    ]);
  });
});
