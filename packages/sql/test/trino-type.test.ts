import { describe, expect, it } from "vitest";
import {
  canCoerce,
  commonSuperType,
  createCatalog,
  normalizeTrinoType,
  parseTrinoType,
  rowFields,
} from "../src/index.ts";
import { closest } from "../src/suggest.ts";

describe("normalizeTrinoType", () => {
  it.each([
    ["BIGINT", "bigint"],
    ["int", "integer"],
    ["string", "varchar"],
    ["float", "real"],
    ["timestamp", "timestamp(3)"],
    ["timestamp(6) with time zone", "timestamp(6) with time zone"],
    ["double precision", "double"],
    ["decimal", "decimal(38,0)"],
    ["decimal(12, 4)", "decimal(12,4)"],
    ["varchar(20)", "varchar(20)"],
    ["array(varchar)", "array(varchar)"],
    ["map(varchar,bigint)", "map(varchar, bigint)"],
    ["row(os varchar,app_version varchar)", "row(os varchar, app_version varchar)"],
    ["array<struct<id:bigint,tags:map<string,array<int>>>>", "array(row(id bigint, tags map(varchar, array(integer))))"],
    ["interval day to second", "interval day to second"],
  ])("spells %s as %s", (text, expected) => {
    expect(normalizeTrinoType(text)).toBe(expected);
  });

  it("returns text it cannot parse trimmed and lower-cased", () => {
    expect(normalizeTrinoType(" Array(Varchar ")).toBe("array(varchar");
    expect(parseTrinoType("array(varchar")).toBeUndefined();
  });

  it("reads row fields, quoted names included", () => {
    expect(rowFields('row(os varchar, "App Version" varchar)')).toEqual([
      { name: "os", type: "varchar" },
      { name: "app version", type: "varchar" },
    ]);
  });
});

describe("commonSuperType", () => {
  it.each([
    ["integer", "bigint", "bigint"],
    ["tinyint", "smallint", "smallint"],
    ["integer", "double", "double"],
    ["integer", "real", "real"],
    ["decimal(12,4)", "decimal(10,2)", "decimal(12,4)"],
    ["integer", "decimal(5,2)", "decimal(12,2)"],
    ["varchar(3)", "varchar(10)", "varchar(10)"],
    ["varchar(3)", "varchar", "varchar"],
    ["date", "timestamp(3)", "timestamp(3)"],
    ["timestamp(0)", "timestamp(3)", "timestamp(3)"],
    ["array(integer)", "array(bigint)", "array(bigint)"],
    ["unknown", "date", "date"],
    ["date", "timestamp(3) with time zone", "timestamp(3) with time zone"],
    ["char(3)", "varchar(5)", "varchar(5)"],
    ["row(a integer)", "row(b bigint)", "row(bigint)"],
  ])("of %s and %s is %s", (a, b, expected) => {
    expect(commonSuperType(a, b)).toBe(expected);
    expect(commonSuperType(b, a)).toBe(expected);
  });

  it.each([
    ["varchar", "bigint"],
    ["varchar(10)", "date"],
    ["boolean", "integer"],
    ["array(varchar)", "array(integer)"],
  ])("of %s and %s does not exist", (a, b) => {
    expect(commonSuperType(a, b)).toBeNull();
  });

  it("is undefined (not known) when either side is unknown to the analysis", () => {
    expect(commonSuperType("integer", undefined)).toBeUndefined();
  });
});

describe("canCoerce", () => {
  it.each([
    ["integer", "bigint"],
    ["integer", "double"],
    ["integer", "decimal(10,0)"],
    ["bigint", "decimal(21,2)"],
    ["real", "double"],
    ["decimal(12,4)", "decimal(14,4)"],
    ["decimal(12,4)", "double"],
    ["varchar(3)", "varchar"],
    ["varchar(3)", "varchar(10)"],
    ["date", "timestamp(3)"],
    ["timestamp(0)", "timestamp(3)"],
    ["timestamp(3)", "timestamp(3) with time zone"],
    ["array(integer)", "array(bigint)"],
    ["map(varchar(2), integer)", "map(varchar, bigint)"],
    ["row(os varchar(5), n integer)", "row(os varchar, n bigint)"],
    // Trino ignores row field names when it coerces (TypeCoercion.typeCompatibilityForRow).
    ["row(os varchar)", "row(platform varchar)"],
    ["char(3)", "varchar(3)"],
    ["date", "timestamp(0) with time zone"],
    ["unknown", "date"],
  ])("lets %s be stored as %s", (from, to) => {
    expect(canCoerce(from, to)).toBe(true);
  });

  it.each([
    ["bigint", "integer"],
    ["double", "real"],
    ["bigint", "decimal(12,4)"],
    ["decimal(12,4)", "decimal(12,2)"],
    ["varchar", "varchar(10)"],
    ["varchar", "bigint"],
    ["timestamp(3)", "date"],
    ["timestamp(6)", "timestamp(3)"],
    ["timestamp(3) with time zone", "timestamp(3)"],
    ["varchar(3)", "char(3)"],
    ["array(bigint)", "array(integer)"],
  ])("does not let %s be stored as %s", (from, to) => {
    expect(canCoerce(from, to)).toBe(false);
  });
});

describe("createCatalog", () => {
  it("looks relations up ignoring case, as Glue folds names", () => {
    const clicks = { database: "ads", name: "clicks", kind: "table" as const, columns: [] };
    const catalog = createCatalog([clicks]);
    expect(catalog.lookup("ADS", "Clicks")).toBe(clicks);
    expect(catalog.lookup("ads", "impressions")).toBeUndefined();
    expect([...catalog.relations()]).toEqual([clicks]);
  });
});

describe("closest", () => {
  it("counts a swapped pair of letters as one edit", () => {
    expect(closest("impresions", ["clicks", "impressions"])).toBe("impressions");
    expect(closest("clikc_id", ["click_id", "dt"])).toBe("click_id");
  });

  it("prefers the one name the word abbreviates", () => {
    expect(closest("clicked", ["click_id", "clicked_at"])).toBe("clicked_at");
  });

  it("suggests nothing when every letter would change", () => {
    expect(closest("x", ["c", "i"])).toBeUndefined();
    expect(closest("revenue", ["dt", "click_id"])).toBeUndefined();
  });
});
