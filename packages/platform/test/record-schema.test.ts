import { describe, expect, it } from "vitest";
import { recordJsonSchema, recordSchema } from "../src/contracts/record-schema.ts";
import { table } from "../src/declarations/table.ts";

const events = table.parse({
  name: "events",
  description: "Events.",
  zone: "raw",
  format: "jsonl",
  columns: [
    { name: "event_id", type: "string", description: "Id.", required: true },
    { name: "user_id", type: "bigint", description: "User." },
    { name: "score", type: "tinyint", description: "Score." },
    { name: "at", type: "timestamp", description: "When." },
    { name: "day", type: "date", description: "Day." },
    { name: "price", type: "decimal(6,2)", description: "Price." },
    { name: "code", type: "varchar(3)", description: "Code." },
    { name: "tags", type: "array<string>", description: "Tags." },
    { name: "device", type: "struct<os:string,version:int>", description: "Device." },
    { name: "counts", type: "map<string,bigint>", description: "Counts." },
  ],
  partitionKeys: [{ name: "dt", description: "Day.", projection: { type: "date", format: "yyyy-MM-dd", range: ["2024-01-01", "NOW"] } }],
});

describe("recordSchema", () => {
  const validate = recordSchema(events);

  it("accepts a record that follows the contract, with nulls for optional columns", () => {
    const record = {
      event_id: "e-1",
      user_id: 42,
      score: 7,
      at: "2024-05-01 12:00:00.123",
      day: "2024-05-01",
      price: "1234.50",
      code: "JPY",
      tags: ["a", null],
      device: { os: "ios" },
      counts: { views: 3 },
    };
    expect(validate.safeParse(record).success).toBe(true);
    expect(validate.safeParse({ event_id: "e-2", user_id: null }).success).toBe(true);
  });

  it("fails when a required column is missing, a value has the wrong type, or a field is not in the contract", () => {
    const result = validate.safeParse({ user_id: 1.5, score: 300, day: "01/05/2024", code: "YENS", device: { os: "ios", model: "x" }, dt: "2024-05-01" });
    expect(result.success).toBe(false);
    const problems = result.error!.issues.map((i) => `${i.path.join(".")}: ${i.code}`);
    expect(problems).toEqual([
      "event_id: invalid_type",
      "user_id: invalid_type",
      "score: too_big",
      "day: invalid_format",
      "code: too_big",
      "device: unrecognized_keys",
      ": unrecognized_keys",
    ]);
  });
});

describe("recordJsonSchema", () => {
  it("describes one record as JSON Schema, partition keys excluded, descriptions included", () => {
    const schema = recordJsonSchema(events, "baikal://acme/web/events");
    expect(schema).toMatchObject({
      $id: "baikal://acme/web/events",
      $schema: "https://json-schema.org/draft/2020-12/schema",
      title: "events",
      description: "Events.",
      type: "object",
      required: ["event_id"],
      additionalProperties: false,
    });
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(properties)).toEqual(events.columns.map((c) => c.name));
    expect(properties.event_id).toMatchObject({ type: "string", description: "Id." });
    expect(properties.score).toMatchObject({ anyOf: [{ type: "integer", minimum: -128, maximum: 127 }, { type: "null" }] });
  });
});
