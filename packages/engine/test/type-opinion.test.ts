/**
 * The engine's output types against the static analysis's (packages/sql), expression by expression: the second
 * opinion on types, over more of Trino than the examples use. A case that disagrees is marked with why: either the
 * engine cannot give Trino's type (values still agree: the output is cast to the declared type), or the analysis
 * does not know the function yet. Fixing either side turns its `it.fails` red, to be moved to the agreeing cases.
 */
import { analyzeView, createCatalog } from "@baikal/sql";
import { describe, expect, it } from "vitest";
import type { Column } from "../src/index.ts";
import { engine, t } from "./support.ts";

const COLUMNS: readonly (Column & { trino: string })[] = [
  { name: "i", trino: "integer", type: t.int },
  { name: "b", trino: "bigint", type: t.bigint },
  { name: "d", trino: "double", type: t.double },
  { name: "s", trino: "varchar", type: t.string },
  { name: "dt", trino: "date", type: t.date },
  { name: "ts", trino: "timestamp(3)", type: t.timestamp },
  { name: "dec", trino: "decimal(12,2)", type: t.decimal(12, 2) },
  { name: "dec4", trino: "decimal(10,4)", type: t.decimal(10, 4) },
  { name: "a", trino: "array(varchar)", type: t.array(t.string) },
  { name: "m", trino: "map(varchar, bigint)", type: t.map(t.string, t.bigint) },
  { name: "bo", trino: "boolean", type: t.boolean },
];

const catalog = createCatalog([{ database: "shop", name: "t", kind: "table", columns: COLUMNS.map((c) => ({ name: c.name, type: c.trino })) }]);

/** DuckDB has no varchar lengths and keeps microseconds: those differences are not disagreements. */
const comparable = (type: string | undefined) => (type ?? "unknown").replace(/\s+/g, "").replace(/varchar\(\d+\)/g, "varchar").replace(/timestamp\(\d+\)/g, "timestamp(3)");

async function opinions(expression: string): Promise<{ analysis: string; engine: string }> {
  const sql = `SELECT ${expression} AS x FROM t`;
  const analysis = analyzeView(sql, { defaultDatabase: "shop", catalog });
  const result = await (await engine()).run({ sql, defaultDatabase: "shop", relations: [{ database: "shop", name: "t", columns: COLUMNS, rows: [] }], now: "2024-05-01T00:00:00Z" });
  return {
    analysis: comparable(analysis.problems.length > 0 ? analysis.problems[0]!.message : analysis.outputColumns[0]?.type),
    engine: comparable(result.kind === "rows" ? result.engineTypes[0] : JSON.stringify(result)),
  };
}

const AGREE = [
  "i / 2", "b / i", "dec + dec4", "dec / dec4", "sum(i)", "sum(dec)", "avg(i)", "count_if(bo)", "approx_distinct(s)", "round(d, 1)", "ceil(d)", "i % 3",
  "'abc'", "s || 'x'", "concat(s, 'x')", "length(s)", "substr(s, 1, 2)", "split(s, ',')", "split_part(s, ',', 1)", "date_trunc('month', dt)", "date_trunc('month', ts)",
  "date_add('day', 1, dt)", "dt + INTERVAL '1' DAY", "ts + INTERVAL '1' HOUR", "date_diff('day', dt, dt)", "date(ts)", "year(ts)", "day_of_week(dt)", "format_datetime(ts, 'yyyy')",
  "date_parse(s, '%Y')", "from_unixtime(b)", "to_unixtime(ts)", "current_date", "current_timestamp", "cardinality(a)", "element_at(a, 1)", "element_at(m, 'k')", "a[1]", "m['k']",
  "contains(a, 'x')", "array_join(a, ',')", "transform(a, x -> length(x))", "filter(a, x -> x <> '')", "array_distinct(a)", "map_keys(m)", "greatest(i, b)", "coalesce(i, b)",
  "nullif(i, 0)", "if(bo, i, b)", "CAST(d AS integer)", "CAST(ts AS varchar)", "CAST(i AS decimal(5,1))", "try_cast(s AS bigint)", "regexp_extract(s, 'a')", "regexp_like(s, 'a')",
  "json_extract_scalar(s, '$.a')", "url_extract_host(s)", "row_number() OVER (ORDER BY i)", "rank() OVER (ORDER BY i)", "lag(i) OVER (ORDER BY i)", "sum(i) OVER ()", "max(dec)",
  "min(s)", "arbitrary(a)", "count(*)", "count(DISTINCT s)", "stddev(d)", "array_agg(i)", "ts AT TIME ZONE 'UTC'", "1e0", "1.5", "2147483648", "i + b", "-dec",
  // Typed since the function catalog came from Trino's own signatures.
  "mod(b, 2)", "sequence(1, 3)", "max_by(s, i)",
];

const DISAGREE: readonly [string, string][] = [
  ["dec / 3", "engine: decimal division is computed through a double and cast to a DuckDB-chosen precision (decimal(18,2), Trino decimal(12,2))"],
  ["dec * dec4", "engine: DuckDB caps the precision of a decimal product at 18 (decimal(18,6), Trino decimal(22,6))"],
  ["floor(dec)", "engine: DuckDB keeps the precision in floor (decimal(12,0), Trino decimal(11,0))"],
  ["round(dec, 1)", "engine: DuckDB narrows the scale in round (decimal(12,1), Trino decimal(12,2)); the value is equal"],
  ["avg(dec)", "engine: avg of a decimal is a double in DuckDB (Trino decimal(12,2)); outputs are rounded to the declared type"],
];

describe("engine and static analysis agree on the type of", () => {
  it.each(AGREE)("%s", async (expression) => {
    const { analysis, engine: engineType } = await opinions(expression);
    expect(engineType).toBe(analysis);
  });
});

describe("known disagreements between engine and static analysis", () => {
  it.fails.each(DISAGREE)("%s: %s", async (expression) => {
    const { analysis, engine: engineType } = await opinions(expression);
    expect(engineType).toBe(analysis);
  });
});
