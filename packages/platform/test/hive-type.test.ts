import { describe, expect, it } from "vitest";
import { formatHiveType, parseHiveType, toTrinoType } from "../src/declarations/hive-type.ts";

function trino(text: string): string {
  const parsed = parseHiveType(text);
  if ("error" in parsed) throw new Error(parsed.error);
  return toTrinoType(parsed.type);
}

describe("parseHiveType", () => {
  it.each([
    ["boolean", "boolean"],
    ["INT", "integer"],
    ["bigint", "bigint"],
    ["float", "real"],
    ["string", "varchar"],
    ["varchar(20)", "varchar(20)"],
    ["char(2)", "char(2)"],
    ["timestamp", "timestamp(3)"],
    ["binary", "varbinary"],
    ["decimal(12, 4)", "decimal(12,4)"],
    ["decimal", "decimal(10,0)"],
    ["array<string>", "array(varchar)"],
    ["map<string,bigint>", "map(varchar, bigint)"],
    ["struct<os:string, app_version:string>", "row(os varchar, app_version varchar)"],
    ["array<struct<id:bigint,tags:map<string,array<int>>>>", "array(row(id bigint, tags map(varchar, array(integer))))"],
  ])("maps %s to the Trino type %s", (hive, expected) => {
    expect(trino(hive)).toBe(expected);
  });

  it("writes the canonical Glue spelling: lower case, no spaces", () => {
    const parsed = parseHiveType("Map< STRING , Struct<A:Int, b:Decimal(5,2)> >");
    expect("type" in parsed && formatHiveType(parsed.type)).toBe("map<string,struct<a:int,b:decimal(5,2)>>");
  });

  it.each([
    ["integer", '"integer" is not a Hive type: unknown type "integer"; Hive calls it "int" (types: boolean, tinyint, smallint, int, bigint, float, double, string, date, timestamp, binary, decimal(p,s), varchar(n), char(n), array<T>, map<K,V>, struct<name:T,...>)'],
    ["strin", '"strin" is not a Hive type: unknown type "strin"; did you mean "string"? (types: boolean, tinyint, smallint, int, bigint, float, double, string, date, timestamp, binary, decimal(p,s), varchar(n), char(n), array<T>, map<K,V>, struct<name:T,...>)'],
    ["varchar", '"varchar" is not a Hive type: varchar needs a length, e.g. "varchar(64)"; use "string" for text of any length'],
    ["decimal(40,2)", '"decimal(40,2)" is not a Hive type: decimal precision must be a whole number from 1 to 38, got "40"'],
    ["decimal(5,6)", '"decimal(5,6)" is not a Hive type: decimal scale must be a whole number from 0 to 5, got "6"'],
    ["array<string", '"array<string" is not a Hive type: expected ">" but found the end'],
    ["map<array<int>,string>", '"map<array<int>,string>" is not a Hive type: map keys must be a primitive type such as string or bigint'],
    ["struct<a:int,a:string>", '"struct<a:int,a:string>" is not a Hive type: struct field "a" appears twice'],
    ["string string", '"string string" is not a Hive type: unexpected "string" after the type'],
    ["", '"" is not a Hive type: the type is empty'],
  ])("fails when the type is %j", (text, message) => {
    expect(parseHiveType(text)).toEqual({ error: message });
  });
});
