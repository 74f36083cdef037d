import { createHash } from "node:crypto";
import type { sheets_v4 } from "@googleapis/sheets";
import { CALL_OPTIONS } from "../google/sheets-api.ts";
import { chunkRows, type RowData } from "./cells.ts";
import { limitMessages, MAX_CELLS_PER_SPREADSHEET, MAX_REQUEST_BYTES, SheetLimitExceeded } from "./limits.ts";

type Request = sheets_v4.Schema$Request;
type SheetProperties = sheets_v4.Schema$SheetProperties;

/** Runs one Google call with retries; `what` names it in failures. */
export type Call = <T>(what: string, call: () => Promise<T>) => Promise<T>;

export interface ReplaceTabOptions {
  readonly api: sheets_v4.Sheets;
  readonly call: Call;
  readonly spreadsheetId: string;
  readonly sheet: string;
  /** Header row first. */
  readonly rows: readonly RowData[];
  readonly columnCount: number;
  /** @default MAX_REQUEST_BYTES */
  readonly maxRequestBytes?: number;
  /** For new tabs' ids. @default Math.random */
  readonly random?: () => number;
}

export interface ReplaceReport {
  /** `single`: one atomic batchUpdate; `staged`: written to a hidden tab in parts, then swapped in atomically. */
  readonly mode: "single" | "staged";
  /** Sheets API calls made (the token request not counted). */
  readonly calls: number;
  readonly sheetId: number;
  readonly createdTab: boolean;
}

const TAB_FIELDS = "sheets.properties(sheetId,title,sheetType,gridProperties(rowCount,columnCount,frozenRowCount,frozenColumnCount))";

/** The hidden tab a large result is written to first; named from the tab so two exports to one spreadsheet never share it. */
export const stagingTabTitle = (sheet: string) => `baikal-export-staging-${createHash("sha256").update(sheet).digest("hex").slice(0, 12)}`;

const gridCells = (p: SheetProperties) => (p.gridProperties?.rowCount ?? 0) * (p.gridProperties?.columnCount ?? 0);

/**
 * Makes the tab exactly the header row and the rows, in as few Sheets API calls as the API allows, and never leaves it
 * half written:
 *
 * - one `spreadsheets.get` of the tabs' sizes (to find the tab, and to check Google's 10 million cells per
 *   spreadsheet before writing anything);
 * - when the rows fit in one request (under 10 MiB), one `batchUpdate`, which Google applies atomically: size the
 *   grid to the result (adding the tab if missing), then `updateCells` over the whole tab, which writes the rows and
 *   clears every other value;
 * - otherwise the rows go to a hidden staging tab in parts, and one last atomic `batchUpdate` sizes and clears the tab,
 *   copies the staged values in and deletes the staging tab. Readers see the old contents until that moment, and a
 *   failure half-way leaves only the staging tab, which the next run deletes.
 *
 * Only values change; the tab keeps its id (links and other tabs' formulas stay valid), its formats and its notes.
 */
export async function replaceTab(o: ReplaceTabOptions): Promise<ReplaceReport> {
  const { api, call, spreadsheetId } = o;
  const random = o.random ?? Math.random;
  let calls = 0;
  const batch = async (what: string, requests: Request[]) => {
    calls += 1;
    await call(what, () => api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }, CALL_OPTIONS));
  };

  calls += 1;
  const meta = await call("read the spreadsheet's tabs", () => api.spreadsheets.get({ spreadsheetId, fields: TAB_FIELDS }, CALL_OPTIONS));
  const tabs = (meta.data.sheets ?? []).map((s) => s.properties ?? {});
  const target = tabs.find((t) => t.title === o.sheet && t.sheetType !== "OBJECT");
  const stagingTitle = stagingTabTitle(o.sheet);
  const leftover = tabs.find((t) => t.title === stagingTitle);
  const ids = new Set(tabs.map((t) => t.sheetId));
  const newId = () => {
    for (;;) {
      const id = 1 + Math.floor(random() * 2_000_000_000);
      if (!ids.has(id)) return ids.add(id), id;
    }
  };

  // A frozen row or column must stay visible, or Google refuses the new size.
  const frozenRows = target?.gridProperties?.frozenRowCount ?? 0;
  const frozenColumns = target?.gridProperties?.frozenColumnCount ?? 0;
  const grid = { rowCount: Math.max(o.rows.length, frozenRows + 1, 1), columnCount: Math.max(o.columnCount, frozenColumns + 1, 1) };
  const others = tabs.filter((t) => t !== target && t !== leftover).reduce((sum, t) => sum + gridCells(t), 0);
  const maxBytes = o.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const chunks = chunkRows(o.rows, maxBytes);
  const mode = chunks.length === 1 ? "single" : "staged";
  // While staged, the old tab and the staging tab exist side by side.
  const during = mode === "single" ? others : others + (target ? gridCells(target) : 0);
  const needed = during + grid.rowCount * grid.columnCount;
  if (needed > MAX_CELLS_PER_SPREADSHEET) throw new SheetLimitExceeded(limitMessages.cells(needed, o.sheet, grid.rowCount, grid.columnCount, during));

  const targetId = target?.sheetId ?? newId();
  const sizeTarget: Request = target
    ? { updateSheetProperties: { properties: { sheetId: targetId, gridProperties: grid }, fields: "gridProperties(rowCount,columnCount)" } }
    : { addSheet: { properties: { sheetId: targetId, title: o.sheet, gridProperties: grid } } };
  const dropLeftover: Request[] = leftover ? [{ deleteSheet: { sheetId: leftover.sheetId! } }] : [];

  if (mode === "single") {
    await batch(`replace tab "${o.sheet}"`, [
      ...dropLeftover,
      sizeTarget,
      { updateCells: { range: { sheetId: targetId }, rows: [...o.rows], fields: "userEnteredValue" } },
    ]);
    return { mode, calls, sheetId: targetId, createdTab: !target };
  }

  const stagingId = newId();
  for (const [index, chunk] of chunks.entries()) {
    const write: Request = { updateCells: { start: { sheetId: stagingId, rowIndex: chunk.start, columnIndex: 0 }, rows: chunk.rows, fields: "userEnteredValue" } };
    const first: Request[] =
      index === 0 ? [...dropLeftover, { addSheet: { properties: { sheetId: stagingId, title: stagingTitle, hidden: true, gridProperties: grid } } }] : [];
    await batch(`stage part ${index + 1} of ${chunks.length} of tab "${o.sheet}"`, [...first, write]);
  }
  const whole = { startRowIndex: 0, endRowIndex: grid.rowCount, startColumnIndex: 0, endColumnIndex: grid.columnCount };
  await batch(`swap the staged rows into tab "${o.sheet}"`, [
    sizeTarget,
    { updateCells: { range: { sheetId: targetId }, fields: "userEnteredValue" } },
    { copyPaste: { source: { sheetId: stagingId, ...whole }, destination: { sheetId: targetId, ...whole }, pasteType: "PASTE_VALUES" } },
    { deleteSheet: { sheetId: stagingId } },
  ]);
  return { mode, calls, sheetId: targetId, createdTab: !target };
}
