import { describe, expect, it } from "vitest";
import { decodePrestoView, encodePrestoView, originalSql } from "../src/views/presto-view.ts";

describe("encodePrestoView", () => {
  const definition = {
    originalSql: "SELECT dt, count(*) AS n FROM events GROUP BY dt",
    schema: "web",
    columns: [
      { name: "dt", type: "varchar" },
      { name: "n", type: "bigint" },
    ],
  };

  it("writes the definition between Athena's markers as base64 JSON, keys in Trino's order", () => {
    const text = encodePrestoView(definition);
    expect(text).toMatch(/^\/\* Presto View: [A-Za-z0-9+/=]+ \*\/$/);
    const json = Buffer.from(text.slice("/* Presto View: ".length, -" */".length), "base64").toString("utf8");
    expect(json).toBe(
      '{"originalSql":"SELECT dt, count(*) AS n FROM events GROUP BY dt","catalog":"awsdatacatalog","schema":"web",' +
        '"columns":[{"name":"dt","type":"varchar"},{"name":"n","type":"bigint"}],"runAsInvoker":false}',
    );
  });

  it("produces the same text every time, so plans show no perpetual diff", () => {
    expect(encodePrestoView(definition)).toBe(encodePrestoView({ ...definition, columns: [...definition.columns] }));
  });

  it("round-trips through decodePrestoView, including non-ASCII SQL", () => {
    const sql = "SELECT '東京' AS city";
    expect(decodePrestoView(encodePrestoView({ ...definition, originalSql: sql }))).toMatchObject({ originalSql: sql, catalog: "awsdatacatalog" });
  });

  it("fails when the text is not a Presto view", () => {
    expect(() => decodePrestoView("SELECT 1")).toThrow("not a Presto view definition: SELECT 1");
  });
});

describe("originalSql", () => {
  it("stores the SELECT without surrounding blank lines or a trailing semicolon", () => {
    expect(originalSql("\n-- daily\nSELECT 1 AS x;\n\n")).toBe("-- daily\nSELECT 1 AS x");
  });
});
