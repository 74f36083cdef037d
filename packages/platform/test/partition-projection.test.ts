import { describe, expect, it } from "vitest";
import { partitionProjection } from "../src/declarations/partition-projection.ts";

function problems(projection: unknown): string[] {
  const parsed = partitionProjection.safeParse(projection);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("date partition projection ranges", () => {
  it.each([
    [["2024-01-01", "NOW"]],
    [["2024-01-01", "2024-12-31"]],
    [["NOW-3YEARS", "NOW"]],
    [["NOW-1MONTHS", "NOW-3DAYS"]],
    [["NOW", "NOW+1DAYS"]],
  ])("accepts %j", (range) => {
    expect(problems({ type: "date", format: "yyyy-MM-dd", range })).toEqual([]);
  });

  it("fails when a range of dates runs backwards, as Athena would then project nothing", () => {
    expect(problems({ type: "date", format: "yyyy/MM/dd", range: ["2025/03/01", "2024/12/31"] })).toEqual([
      'range: the range starts at "2025/03/01", after its end "2024/12/31"; Athena would project no partition and every query would find nothing: swap them',
    ]);
  });

  it("fails when a relative range runs backwards", () => {
    expect(problems({ type: "date", format: "yyyy-MM-dd-HH", range: ["NOW", "NOW-2HOURS"] })).toEqual([
      'range: the range starts at "NOW", after its end "NOW-2HOURS"; Athena would project no partition and every query would find nothing: swap them',
    ]);
  });

  it("orders dates by their fields, whatever the format puts first", () => {
    expect(problems({ type: "date", format: "dd.MM.yyyy", range: ["31.12.2024", "01.01.2025"] })).toEqual([]);
  });
});
