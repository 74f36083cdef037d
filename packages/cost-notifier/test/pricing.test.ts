import { describe, expect, it } from "vitest";
import { billedBytes, costUsd, MIB, priceQuery, TIB } from "../src/pricing.ts";

describe("billedBytes", () => {
  it("bills at least 10 MiB, even for a query that scanned nothing", () => {
    expect(billedBytes(0)).toBe(10 * MIB);
    expect(billedBytes(1)).toBe(10 * MIB);
    expect(billedBytes(10 * MIB)).toBe(10 * MIB);
  });

  it("rounds up to the next whole MiB above the minimum", () => {
    expect(billedBytes(10 * MIB + 1)).toBe(11 * MIB);
    expect(billedBytes(123 * MIB)).toBe(123 * MIB);
    expect(billedBytes(123 * MIB - 1)).toBe(123 * MIB);
  });
});

describe("priceQuery", () => {
  const dml = (dataScannedInBytes: number | undefined, state = "SUCCEEDED") => ({ state, statementType: "DML", dataScannedInBytes });

  it("charges $5 per TiB by default (TB means 2^40 bytes)", () => {
    expect(priceQuery(dml(TIB)).costUsd).toBe(5);
    expect(costUsd(TIB / 2)).toBe(2.5);
  });

  it("charges the 10 MiB minimum for a tiny successful query", () => {
    const price = priceQuery(dml(512));
    expect(price).toEqual({ bytesScanned: 512, billedBytes: 10 * MIB, costUsd: (10 * MIB * 5) / TIB, statisticsMissing: false });
  });

  it("uses a custom price per TiB", () => {
    expect(priceQuery(dml(2 * TIB), 6.75).costUsd).toBe(13.5);
  });

  it("does not charge DDL statements, whatever they scanned", () => {
    expect(priceQuery({ state: "SUCCEEDED", statementType: "DDL", dataScannedInBytes: 5 * TIB })).toEqual({
      bytesScanned: 5 * TIB,
      billedBytes: 0,
      costUsd: 0,
      statisticsMissing: false,
    });
  });

  it("prices failed and cancelled queries by the bytes they scanned", () => {
    expect(priceQuery(dml(TIB, "FAILED")).costUsd).toBe(5);
    expect(priceQuery(dml(TIB, "CANCELLED")).costUsd).toBe(5);
    expect(priceQuery(dml(MIB, "CANCELLED")).billedBytes).toBe(10 * MIB);
  });

  it("does not charge failed or cancelled queries that scanned nothing", () => {
    expect(priceQuery(dml(0, "FAILED")).costUsd).toBe(0);
    expect(priceQuery(dml(0, "CANCELLED")).billedBytes).toBe(0);
  });

  it("handles missing statistics as 0 bytes with statisticsMissing", () => {
    expect(priceQuery(dml(undefined))).toEqual({ bytesScanned: 0, billedBytes: 0, costUsd: 0, statisticsMissing: true });
  });
});
