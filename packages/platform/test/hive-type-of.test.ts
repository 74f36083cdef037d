import { describe, expect, it } from "vitest";
import { parseHiveType, toTrinoType } from "../src/declarations/hive-type.ts";
import { hiveTypeOf } from "../src/views/hive-type-of.ts";

describe("hiveTypeOf", () => {
  it.each([
    ["integer", "int"],
    ["real", "float"],
    ["varchar", "string"],
    ["varchar(20)", "varchar(20)"],
    ["timestamp(3)", "timestamp"],
    ["varbinary", "binary"],
    ["decimal(38,4)", "decimal(38,4)"],
    ["array(row(id bigint, tags map(varchar, array(integer))))", "array<struct<id:bigint,tags:map<string,array<int>>>>"],
  ])("gives the Hive type to declare for the Trino type %s", (trino, hive) => {
    expect(hiveTypeOf(trino)).toBe(hive);
  });

  it("has no Hive type for a timestamp with time zone or an unnamed row field", () => {
    expect(hiveTypeOf("timestamp(3) with time zone")).toBeUndefined();
    expect(hiveTypeOf("row(bigint, varchar)")).toBeUndefined();
  });

  it.each(["boolean", "tinyint", "smallint", "int", "bigint", "float", "double", "string", "date", "timestamp", "binary", "decimal(10,2)", "varchar(5)", "char(2)", "array<string>", "map<string,bigint>", "struct<os:string,version:int>"])(
    "round-trips %s through its Trino type",
    (hive) => {
      const parsed = parseHiveType(hive);
      if ("error" in parsed) throw new Error(parsed.error);
      expect(hiveTypeOf(toTrinoType(parsed.type))).toBe(hive);
    },
  );
});
