import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sheetsClient } from "../src/google/sheets-api.ts";
import { toRows } from "../src/sheets/cells.ts";
import { type Call, replaceTab, stagingTabTitle } from "../src/sheets/replace-tab.ts";
import { type GoogleServer, startGoogleServer, testServiceAccount } from "./support/google-server.ts";

const SPREADSHEET = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms";
const account = testServiceAccount();
let google: GoogleServer;
const call: Call = (_what, fn) => fn();

const result = {
  columns: [
    { name: "day", type: "varchar" },
    { name: "revenue", type: "double" },
  ],
  rows: Array.from({ length: 40 }, (_, i) => [`2024-01-${String(i + 1).padStart(2, "0")}`, String(i * 10.5)]),
};
const rows = toRows(result);
const options = () => ({ api: sheetsClient({ clientEmail: account.email, privateKey: account.pem }, google.origin), call, spreadsheetId: SPREADSHEET, sheet: "Revenue", rows, columnCount: 2 });

beforeAll(async () => {
  google = await startGoogleServer(account, SPREADSHEET);
});
afterAll(() => google.close());
beforeEach(() => {
  google.reset();
  google.setTabs([
    { sheetId: 3, title: "Summary", rowCount: 10, columnCount: 3 },
    { sheetId: 5, title: "Revenue", rowCount: 200, columnCount: 6, frozenRowCount: 1, values: [["old"], ["x", 1]] },
  ]);
});

describe("replaceTab with a result larger than one request", () => {
  it("stages the rows in a hidden tab part by part, then swaps them in with one atomic call and removes the staging tab", async () => {
    const report = await replaceTab({ ...options(), maxRequestBytes: 800 });
    const parts = google.calls("batchUpdate") - 1;
    expect(parts).toBeGreaterThan(2);
    expect(report).toEqual({ mode: "staged", calls: 1 + parts + 1, sheetId: 5, createdTab: false });
    expect(google.tabs()).toEqual([
      { sheetId: 3, title: "Summary", rowCount: 10, columnCount: 3, hidden: false },
      { sheetId: 5, title: "Revenue", rowCount: 41, columnCount: 2, hidden: false },
    ]);
    expect(google.values("Revenue")[0]).toEqual(["day", "revenue"]);
    expect(google.values("Revenue")[40]).toEqual(["2024-01-40", 409.5]);
  });

  it("leaves the tab untouched when a part fails, and the next run clears the leftover staging tab first", async () => {
    let parts = 0;
    const failing: Call = async (what, fn) => {
      if (what.startsWith("stage part") && ++parts === 2) throw new Error("connection reset");
      return fn();
    };
    await expect(replaceTab({ ...options(), call: failing, maxRequestBytes: 800 })).rejects.toThrow("connection reset");
    expect(google.values("Revenue")[1]!.slice(0, 2)).toEqual(["x", 1]);
    expect(google.tabs().map((t) => [t.title, t.hidden])).toEqual([["Summary", false], ["Revenue", false], [stagingTabTitle("Revenue"), true]]);

    await replaceTab({ ...options(), maxRequestBytes: 800 });
    expect(google.tabs().map((t) => t.title)).toEqual(["Summary", "Revenue"]);
    expect(google.values("Revenue")).toHaveLength(41);
  });

  it("keeps a frozen header row visible when the result has fewer rows", async () => {
    google.setTabs([{ sheetId: 5, title: "Revenue", rowCount: 200, columnCount: 6, frozenRowCount: 2 }]);
    await replaceTab({ ...options(), rows: rows.slice(0, 1) });
    expect(google.tabs()[0]).toMatchObject({ rowCount: 3, columnCount: 2 });
  });
});
