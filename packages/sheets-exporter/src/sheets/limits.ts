/** Google Sheets' limits (Google Docs Editors Help, "Files you can store in Google Drive"). */
export const MAX_CELLS_PER_SPREADSHEET = 10_000_000;
export const MAX_CHARACTERS_PER_CELL = 50_000;
/**
 * The Sheets API answers "Request payload size exceeds the limit: 10485760 bytes" above 10 MiB per request. Writes are
 * cut into requests of at most this many bytes of JSON, leaving room for the envelope.
 */
export const MAX_REQUEST_BYTES = 8 * 1024 * 1024;

/** Why the result cannot be written without breaking a limit; nothing is written then. */
export class SheetLimitExceeded extends Error {
  override readonly name = "SheetLimitExceeded";
}

export const limitMessages = {
  cells: (needed: number, tab: string, rows: number, columns: number, others: number) =>
    `the result needs ${needed.toLocaleString("en-US")} cells (tab "${tab}": ${rows.toLocaleString("en-US")} rows x ${columns} columns, plus ${others.toLocaleString("en-US")} in the spreadsheet's other tabs while it is written), over Google Sheets' ${MAX_CELLS_PER_SPREADSHEET.toLocaleString("en-US")} per spreadsheet; nothing was written: export fewer rows or columns (a narrower view), or clear other tabs`,
  characters: (row: number, column: string, length: number) =>
    `row ${row.toLocaleString("en-US")}, column "${column}" holds ${length.toLocaleString("en-US")} characters, over Google Sheets' ${MAX_CHARACTERS_PER_CELL.toLocaleString("en-US")} per cell; nothing was written: shorten the value in the view (e.g. substr(${column}, 1, 50000))`,
};
