/**
 * Every place where DuckDB's own answer differs from Trino's, with Trino's documented result. Each test would fail
 * if the compatibility layer let DuckDB's behaviour through.
 */
import { describe, expect, it } from "vitest";
import type { Relation } from "../src/index.ts";
import { evaluate, run, t } from "./support.ts";

describe("arithmetic", () => {
  it("truncates integer division toward zero (DuckDB divides to a double)", async () => {
    expect(await evaluate("7 / 2", t.bigint)).toBe("3");
    expect(await evaluate("-7 / 2", t.bigint)).toBe("-3");
  });

  it("fails on integer and decimal division by zero (DuckDB returns NULL)", async () => {
    expect(await evaluate("1 / 0", t.bigint)).toEqual({ failed: "the query fails: Division by zero" });
    expect(await evaluate("DECIMAL '1.00' / DECIMAL '0.00'", t.decimal(10, 2))).toEqual({ failed: "the query fails: Division by zero" });
    expect(await evaluate("5 % 0", t.bigint)).toEqual({ failed: "the query fails: Division by zero" });
  });

  it("gives Infinity and NaN for double division by zero", async () => {
    expect(await evaluate("1e0 / 0", t.double)).toBe(Infinity);
    expect(await evaluate("-1e0 / 0", t.double)).toBe(-Infinity);
    expect(await evaluate("0e0 / 0", t.double)).toBeNaN();
  });

  it("keeps the larger scale in decimal division, rounding half up (DuckDB divides to a double)", async () => {
    expect(await evaluate("DECIMAL '1.00' / DECIMAL '3.00' * 100", t.decimal(38, 2))).toBe("33.00");
    expect(await evaluate("DECIMAL '1.00' / 8", t.decimal(38, 2))).toBe("0.13");
  });

  it("sums integers as bigint and fails when the sum overflows (DuckDB widens to HUGEINT)", async () => {
    const relations: Relation[] = [{ database: "shop", name: "n", columns: [{ name: "v", type: t.bigint }], rows: [{ v: "9223372036854775807" }, { v: "1" }] }];
    expect(await evaluate("sum(v)", t.bigint, { from: "n", relations })).toEqual({
      failed: expect.stringContaining("the query fails: Type INT128 with value 9223372036854775808 can't be cast because the value is out of range for the destination type INT64"),
    });
    const window = await run("SELECT sum(v) OVER () AS x FROM n", [{ name: "x", type: t.bigint }], { relations });
    expect(window.kind).toBe("failed");
  });

  it("rounds doubles half away from zero when casting to integers (DuckDB rounds half to even)", async () => {
    expect(await evaluate("CAST(2.5e0 AS bigint)", t.bigint)).toBe("3");
    expect(await evaluate("CAST(-2.5e0 AS bigint)", t.bigint)).toBe("-3");
    expect(await evaluate("CAST(0.5e0 AS integer)", t.int)).toBe("1");
  });
});

describe("NULLs", () => {
  it("makes concat and || NULL when any argument is NULL (DuckDB's concat skips NULLs)", async () => {
    expect(await evaluate("concat('a', NULL)", t.string)).toBeNull();
    expect(await evaluate("'a' || CAST(NULL AS varchar)", t.string)).toBeNull();
    expect(await evaluate("concat('a', 'b', 'c')", t.string)).toBe("abc");
  });

  it("makes greatest and least NULL when any argument is NULL (DuckDB skips NULLs)", async () => {
    expect(await evaluate("greatest(1, NULL, 3)", t.bigint)).toBeNull();
    expect(await evaluate("least(1, 2, 3)", t.bigint)).toBe("1");
  });

  it("returns NULL from split_part past the last field (DuckDB returns '')", async () => {
    expect(await evaluate("split_part('a,b', ',', 3)", t.string)).toBeNull();
    expect(await evaluate("split_part('a,b', ',', 2)", t.string)).toBe("b");
  });
});

describe("arrays and maps", () => {
  it("returns NULL from element_at past either end of an array, and fails on index 0", async () => {
    expect(await evaluate("element_at(ARRAY[1, 2, 3], 5)", t.bigint)).toBeNull();
    expect(await evaluate("element_at(ARRAY[1, 2, 3], -1)", t.bigint)).toBe("3");
    expect(await evaluate("element_at(ARRAY[1, 2, 3], 0)", t.bigint)).toEqual({ failed: "the query fails: SQL array indices start at 1" });
    expect(await evaluate("element_at(MAP(ARRAY['a'], ARRAY[1]), 'b')", t.bigint)).toBeNull();
  });

  it("fails on a subscript outside the array or a missing map key (DuckDB returns NULL)", async () => {
    expect(await evaluate("ARRAY[1, 2][3]", t.bigint)).toEqual({ failed: "the query fails: Array subscript must be less than or equal to array length: 3 > 2" });
    expect(await evaluate("MAP(ARRAY['a'], ARRAY[1])['b']", t.bigint)).toEqual({ failed: "the query fails: Key not present in map: b" });
    expect(await evaluate("ARRAY[1, 2][2]", t.bigint)).toBe("2");
  });

  it("counts the entries of a map with cardinality (DuckDB's array_length rejects maps)", async () => {
    expect(await evaluate("cardinality(MAP(ARRAY['a', 'b'], ARRAY[1, 2]))", t.bigint)).toBe("2");
    expect(await evaluate("cardinality(ARRAY[1, NULL])", t.bigint)).toBe("2");
  });

  it("answers contains with NULL when the value is missing but the array holds a NULL", async () => {
    expect(await evaluate("contains(ARRAY[1, NULL], 2)", t.boolean)).toBeNull();
    expect(await evaluate("contains(ARRAY[1, NULL], 1)", t.boolean)).toBe(true);
    expect(await evaluate("contains(ARRAY[1, 3], 2)", t.boolean)).toBe(false);
  });

  it("keeps first occurrences in order and one NULL in array_distinct", async () => {
    expect(await evaluate("array_distinct(ARRAY[3, 1, NULL, 3, NULL, 1])", t.array(t.bigint))).toEqual(["3", "1", null]);
  });

  it("returns 0 from array_position when absent, joins arrays skipping NULLs, sorts NULLs last", async () => {
    expect(await evaluate("array_position(ARRAY['a', 'b'], 'c')", t.bigint)).toBe("0");
    expect(await evaluate("array_join(ARRAY['a', NULL, 'b'], '-')", t.string)).toBe("a-b");
    expect(await evaluate("array_join(ARRAY['a', NULL, 'b'], '-', '?')", t.string)).toBe("a-?-b");
    expect(await evaluate("array_sort(ARRAY[3, NULL, 1])", t.array(t.bigint))).toEqual(["1", "3", null]);
  });

  it("counts down in sequence when start is after stop, and keeps dates dates", async () => {
    expect(await evaluate("sequence(3, 1)", t.array(t.bigint))).toEqual(["3", "2", "1"]);
    expect(await evaluate("sequence(DATE '2024-01-30', DATE '2024-02-01')", t.array(t.date))).toEqual(["2024-01-30", "2024-01-31", "2024-02-01"]);
  });

  it("runs the lambda functions transform, filter, reduce and any_match with Trino's NULL rules", async () => {
    expect(await evaluate("transform(ARRAY[1, 2], x -> x * 10)", t.array(t.bigint))).toEqual(["10", "20"]);
    expect(await evaluate("filter(ARRAY[1, 2, 3], x -> x > 1)", t.array(t.bigint))).toEqual(["2", "3"]);
    expect(await evaluate("reduce(ARRAY[5, 20, 50], 0, (s, x) -> s + x, s -> s * 2)", t.bigint)).toBe("150");
    expect(await evaluate("any_match(ARRAY[1, NULL], x -> x > 1)", t.boolean)).toBeNull();
    expect(await evaluate("all_match(ARRAY[], x -> x > 1)", t.boolean)).toBe(true);
  });

  it("zips UNNEST of several arrays, padding the shorter with NULLs, with an ordinality", async () => {
    const result = await run("SELECT a, b, n FROM UNNEST(ARRAY[1, 2, 3], ARRAY['x']) WITH ORDINALITY AS u(a, b, n)", [
      { name: "a", type: t.bigint },
      { name: "b", type: t.string },
      { name: "n", type: t.bigint },
    ]);
    expect(result.kind === "rows" && result.rows).toEqual([
      { a: "1", b: "x", n: "1" },
      { a: "2", b: null, n: "2" },
      { a: "3", b: null, n: "3" },
    ]);
  });
});

describe("dates and times", () => {
  it("counts whole units in date_diff (DuckDB counts boundaries crossed)", async () => {
    expect(await evaluate("date_diff('day', TIMESTAMP '2024-01-01 23:00:00', TIMESTAMP '2024-01-02 01:00:00')", t.bigint)).toBe("0");
    expect(await evaluate("date_diff('second', TIMESTAMP '2024-01-01 00:00:00.900', TIMESTAMP '2024-01-01 00:00:01.100')", t.bigint)).toBe("0");
  });

  it("keeps a date a date in date_add, date_trunc and date + INTERVAL (DuckDB makes timestamps)", async () => {
    expect(await evaluate("CAST(date_add('day', 1, DATE '2024-01-31') AS varchar)", t.string)).toBe("2024-02-01");
    expect(await evaluate("CAST(date_add('month', 1, DATE '2024-01-31') AS varchar)", t.string)).toBe("2024-02-29");
    expect(await evaluate("CAST(date_trunc('month', DATE '2024-05-15') AS varchar)", t.string)).toBe("2024-05-01");
    expect(await evaluate("CAST(DATE '2024-01-31' + INTERVAL '1' DAY AS varchar)", t.string)).toBe("2024-02-01");
    expect(await evaluate("DATE '2024-01-31' + INTERVAL '1' HOUR", t.date)).toEqual({ failed: "the query fails: Cannot add hour, minute or second interval to date" });
  });

  it("writes timestamps cast to varchar with milliseconds (DuckDB drops them)", async () => {
    expect(await evaluate("CAST(TIMESTAMP '2024-01-02 03:04:05' AS varchar)", t.string)).toBe("2024-01-02 03:04:05.000");
  });

  it("numbers days of the week from Monday in EXTRACT(DOW) and day_of_week (DuckDB's DOW starts on Sunday at 0)", async () => {
    expect(await evaluate("EXTRACT(DOW FROM DATE '2024-05-05')", t.bigint)).toBe("7");
    expect(await evaluate("day_of_week(DATE '2024-05-06')", t.bigint)).toBe("1");
  });

  it("reads only the milliseconds of the second in millisecond() (DuckDB adds the seconds)", async () => {
    expect(await evaluate("millisecond(TIMESTAMP '2024-01-01 00:00:01.500')", t.bigint)).toBe("500");
  });

  it("formats and parses with Joda and MySQL patterns", async () => {
    expect(await evaluate("format_datetime(TIMESTAMP '2024-01-02 03:04:05', 'yyyy-MM-dd HH:mm')", t.string)).toBe("2024-01-02 03:04");
    expect(await evaluate("date_format(TIMESTAMP '2024-01-02 03:04:05', '%Y-%m-%d %H:%i:%s')", t.string)).toBe("2024-01-02 03:04:05");
    expect(await evaluate("date_parse('2024/01/02 03:04', '%Y/%m/%d %H:%i')", t.timestamp)).toBe("2024-01-02 03:04:00.000");
    expect(await evaluate("CAST(parse_datetime('02.01.2024', 'dd.MM.yyyy') AT TIME ZONE 'UTC' AS timestamp)", t.timestamp)).toBe("2024-01-02 00:00:00.000");
  });

  it("reads ISO 8601 with an offset and rejects other text", async () => {
    expect(await evaluate("CAST(from_iso8601_timestamp('2024-05-01T09:00:00+09:00') AT TIME ZONE 'UTC' AS timestamp)", t.timestamp)).toBe("2024-05-01 00:00:00.000");
    expect(await evaluate("CAST(from_iso8601_timestamp('May 1st') AT TIME ZONE 'UTC' AS timestamp)", t.timestamp)).toEqual({ failed: 'the query fails: Invalid format: "May 1st"' });
  });

  it("keeps the string's offset as the zone of from_iso8601_timestamp when its wall-clock time is read", async () => {
    expect(await evaluate("CAST(from_iso8601_timestamp('2024-05-01T09:00:00+09:00') AS timestamp)", t.timestamp)).toBe("2024-05-01 09:00:00.000");
    expect(await evaluate("CAST(from_iso8601_timestamp('2024-05-01T23:30:00-05:00') AS date)", t.date)).toBe("2024-05-01");
    expect(await evaluate("hour(from_iso8601_timestamp('2024-05-01T09:00:00+09:00'))", t.bigint)).toBe("9");
  });

  it("reads a timestamp as UTC before moving it to another zone (DuckDB reads it in that zone)", async () => {
    expect(await evaluate("CAST(TIMESTAMP '2024-01-01 20:00:00' AT TIME ZONE 'Asia/Tokyo' AS date)", t.date)).toBe("2024-01-02");
    expect(await evaluate("format_datetime(TIMESTAMP '2024-01-01 10:00:00' AT TIME ZONE 'Asia/Tokyo', 'HH:mm')", t.string)).toBe("19:00");
  });

  it("reads the clock the test sets", async () => {
    expect(await evaluate("format_datetime(current_timestamp AT TIME ZONE 'Asia/Tokyo', 'yyyy-MM-dd')", t.string, { now: "2024-05-01T16:00:00Z" })).toBe("2024-05-02");
    expect(await evaluate("current_date", t.date, { now: "2024-05-01T16:00:00Z" })).toBe("2024-05-01");
    expect(await evaluate("current_date", t.date)).toEqual({
      failed: 'the SQL reads the clock (current_timestamp, current_date or now()); say what time it is in the test, e.g. now: "2024-05-01T09:00:00Z"',
    });
  });

  it("rounds timestamps to milliseconds on output, as Athena reads Hive timestamps", async () => {
    expect(await evaluate("TIMESTAMP '2024-01-01 00:00:00.123456'", t.timestamp)).toBe("2024-01-01 00:00:00.123");
    expect(await evaluate("TIMESTAMP '2024-01-01 00:00:00.9996'", t.timestamp)).toBe("2024-01-01 00:00:01.000");
  });
});

describe("strings, URLs and JSON", () => {
  it("uses Java's $1 in regexp_replace replacements and replaces every match", async () => {
    expect(await evaluate("regexp_replace('1a 2b', '(\\d)([a-z])', '$2$1')", t.string)).toBe("a1 b2");
  });

  it("extracts URL parts as java.net.URI does", async () => {
    const url = "'https://user@www.example.com:8080/a/b?q=1&r=two#top'";
    expect(await evaluate(`url_extract_host(${url})`, t.string)).toBe("www.example.com");
    expect(await evaluate(`url_extract_path(${url})`, t.string)).toBe("/a/b");
    expect(await evaluate(`url_extract_parameter(${url}, 'r')`, t.string)).toBe("two");
    expect(await evaluate(`url_extract_port(${url})`, t.bigint)).toBe("8080");
    expect(await evaluate("url_extract_query('https://example.com/')", t.string)).toBeNull();
  });

  it("returns NULL from json_extract_scalar for objects and arrays (DuckDB returns their JSON)", async () => {
    expect(await evaluate(`json_extract_scalar('{"a": {"b": 1}}', '$.a')`, t.string)).toBeNull();
    expect(await evaluate(`json_extract_scalar('{"a": {"b": 1}}', '$.a.b')`, t.string)).toBe("1");
  });
});

describe("aggregates and query shapes", () => {
  const relations: Relation[] = [{ database: "shop", name: "n", columns: [{ name: "v", type: t.bigint }], rows: ["1", "2", "2", "3"].map((v) => ({ v })) }];

  it("counts approx_distinct exactly (Athena's HyperLogLog estimate is exact only for small inputs)", async () => {
    expect(await evaluate("approx_distinct(v)", t.bigint, { from: "n", relations })).toBe("3");
  });

  it("keeps rows tied with the last one in FETCH FIRST n ROWS WITH TIES", async () => {
    const result = await run("SELECT v FROM n ORDER BY v FETCH FIRST 2 ROWS WITH TIES", [{ name: "v", type: t.bigint }], { relations });
    expect(result.kind === "rows" && result.rows.map((r) => r.v)).toEqual(["1", "2", "2"]);
    expect(result.kind === "rows" && result.ordered).toBe(true);
  });
});

describe("refusals", () => {
  const refused = (construct: string) => ({ refused: [construct] });

  it("refuses what it cannot run faithfully, saying what", async () => {
    expect(await evaluate("rand()", t.double)).toEqual(refused("rand() (random results cannot be compared)"));
    expect(await evaluate("levenshtein(a, b)", t.bigint, { from: "(SELECT 'a' AS a, 'b' AS b)" })).toEqual(
      refused("levenshtein() (not in the offline engine's reviewed Trino functions)"),
    );
    expect(await evaluate("CAST('a' AS char(3))", t.string)).toEqual(refused("CAST to char(3)"));
  });

  it("refuses a value in another zone used as an instant, and from_iso8601_timestamp written as text", async () => {
    const zoned = await evaluate("to_unixtime(TIMESTAMP '2024-01-01 00:00:00' AT TIME ZONE 'Asia/Tokyo')", t.double);
    expect(zoned).toEqual(
      refused(
        "AT TIME ZONE 'Asia/Tokyo' used other than by CAST to timestamp or date, format_datetime, date_format or a date field (hour, day, ...): Trino keeps the value's zone, the emulation only its wall-clock time",
      ),
    );
    expect(await evaluate("CAST(from_iso8601_timestamp('2024-05-01T09:00:00+09:00') AS varchar)", t.string)).toEqual(
      refused(
        "from_iso8601_timestamp(...) used other than under AT TIME ZONE, in a comparison, to_unixtime, date_diff, a CAST to timestamp or date, format_datetime or a date field: Trino keeps the string's UTC offset as the value's zone, the emulation does not",
      ),
    );
  });

  it("refuses a double cast to varchar when the type is only known as the query runs", async () => {
    expect(await evaluate("CAST(1.5e0 AS varchar)", t.string)).toEqual(refused("CAST of a double or real to varchar (Trino writes them as 1.5E0)"));
  });

  it("gives the line of a refused construct", async () => {
    const result = await run("SELECT\n  v,\n  rand() AS r\nFROM n", [{ name: "v", type: t.bigint }, { name: "r", type: t.double }], { relations: [] });
    expect(result.kind === "refused" && result.refusals[0]?.position?.line).toBe(3);
  });
});
